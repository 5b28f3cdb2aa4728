using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>
/// <c>Clinic.studies</c>: the clinic's AI readings, newest first. Study details carry pseudonymised patient ids, so
/// only the clinic's own key sees them; every other role (operators included) gets null and reads the counters.
/// </summary>
public static class ClinicStudiesField
{
    private const string List = "studies";

    public static void AddTo(ObjectGraphType<ClinicRow> clinic) =>
        clinic.Field<ConnectionGraphType<ClinicStudyGraphType, ClinicStudyRow>, Connection<ClinicStudyRow>>(List)
            .Description("AI readings, newest first. Null unless you are this clinic: patient data never leaves the clinic's scope.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                if (!Access.CanSeeClinicResults(context.Principal(), context.Source.Id)) return null;
                var page = context.Page();
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var studies = db.Set<ClinicStudyRow>().AsNoTracking().Where(s => s.ClinicId == context.Source.Id);
                if (page.After is { } after)
                {
                    var afterId = Cursor.Number(Cursor.Decode(after, List, 1)[0], after);
                    studies = studies.Where(s => s.Id < afterId);
                }
                // Ids grow with insertion, so id order is arrival order without a second sort key in the cursor.
                var rows = await studies.OrderByDescending(s => s.Id).Take(page.Fetch).ToListAsync(context.CancellationToken);
                return page.ToConnection(rows, row => Cursor.Encode(List, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), row => row);
            });
}
