using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics;
using CityTwin.Vision.Imaging.Forwarding;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>
/// <c>ClinicStudy.forwarding</c> (null while no PACS is configured) and the image's <c>seriesInstanceUid</c> and
/// <c>sopInstanceUid</c>, which a viewer needs to open it through WADO-RS. A page of studies costs one query for
/// each of these fields, through <see cref="ClinicStudyLoaders"/>.
/// </summary>
public static class ClinicStudyForwardingFields
{
    public static void AddTo(ObjectGraphType<ClinicStudyRow> study)
    {
        study.Field<StudyForwardingGraphType>("forwarding")
            .Description("Sending the study and its AI report to the clinic's PACS; null when no PACS is configured.")
            .Resolve(context => context.Service<IOptions<PacsOptions>>().Value.Enabled
                ? ClinicStudyLoaders.Forwarding(context, context.Source.ClinicId, context.Source.StudyInstanceUid).Then(rows => StudyForwarding.From(rows ?? []))
                : null);
        study.Field<StringGraphType, string>("sopInstanceUid")
            .Description("The image that was read.")
            .Resolve(context => context.Source.SopInstanceUid);
        study.Field<StringGraphType>("seriesInstanceUid")
            .Description("The series of the image that was read.")
            .Resolve(context => context.Source.SopInstanceUid is { } sop ? ClinicStudyLoaders.Series(context, context.Source.ClinicId, sop) : null);
    }
}
