using CityTwin.Twin.Clinics;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>The <c>ClinicImaging</c> type: a clinic's AI imaging workload (story 5), counters only, no patient data.</summary>
public sealed class ClinicImagingGraphType : ObjectGraphType<ClinicRow>
{
    public ClinicImagingGraphType()
    {
        Name = "ClinicImaging";
        Description = "Imaging counters of one clinic: studies received, AI readings, abnormal findings, turnaround.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aeTitles")
            .Description("DICOM calling AE titles that map to this clinic.")
            .Resolve(c => c.Source.AeTitles);
        Field(c => c.ImagingStudies);
        Field(c => c.AiResults);
        Field(c => c.AbnormalResults);
        Field<FloatGraphType>("meanTurnaroundMs")
            .Description("Mean time from receipt to AI result, milliseconds; null before the first result.")
            .Resolve(c => c.Source.AiResults == 0 ? null : c.Source.TotalTurnaroundMs / c.Source.AiResults);
    }
}
