using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Clinics.Forwarding;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using CityTwin.Vision.Imaging.Forwarding;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>
/// <c>ClinicStudy.forwarding</c> (null while no PACS is configured) and the image's <c>seriesInstanceUid</c> and
/// <c>sopInstanceUid</c>, which a viewer needs to open it through WADO-RS.
/// </summary>
public static class ClinicStudyForwardingFields
{
    public static void AddTo(ObjectGraphType<ClinicStudyRow> study)
    {
        study.Field<StudyForwardingGraphType, StudyForwarding>("forwarding")
            .Description("Sending the study and its AI report to the clinic's PACS; null when no PACS is configured.")
            .ResolveAsync(async context =>
            {
                if (!context.Service<IOptions<PacsOptions>>().Value.Enabled) return null;
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var rows = await db.Set<PacsForwardRow>().AsNoTracking()
                    .Where(f => f.ClinicId == context.Source.ClinicId && f.StudyInstanceUid == context.Source.StudyInstanceUid)
                    .ToListAsync(context.CancellationToken);
                return StudyForwarding.From(rows);
            });
        study.Field<StringGraphType, string>("sopInstanceUid")
            .Description("The image that was read.")
            .Resolve(context => context.Source.SopInstanceUid);
        study.Field<StringGraphType, string>("seriesInstanceUid")
            .Description("The series of the image that was read.")
            .ResolveAsync(async context =>
            {
                if (context.Source.SopInstanceUid is not { } sop) return null;
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                return await db.Set<ImagingInstanceRow>().AsNoTracking().Where(i => i.ClinicId == context.Source.ClinicId && i.SopInstanceUid == sop)
                    .Select(i => i.SeriesInstanceUid).FirstOrDefaultAsync(context.CancellationToken);
            });
    }
}
