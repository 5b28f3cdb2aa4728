using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Incidents;

/// <summary>
/// <see cref="IIncidentDeskGrain"/>: reads the open incidents of its kind seen within the merge window from
/// <c>incidents</c> (the incident grains store before they answer, so the table is current), merges by
/// <see cref="IncidentMergeRules"/> into the nearest match, else opens a new incident. Not reentrant: one at a time.
/// </summary>
public sealed class IncidentDeskGrain(IDbContextFactory<TwinDbContext> databases) : Grain, IIncidentDeskGrain
{
    public async Task<IncidentRouting> RouteAsync(IncidentSighting sighting, string reportedBy)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var kind = Enum.Parse<IncidentKind>(this.GetPrimaryKeyString());
        var since = sighting.ObservedAt - IncidentMergeRules.Window;
        List<IncidentRow> open;
        await using (var db = await databases.CreateDbContextAsync())
            open = await db.Set<IncidentRow>().AsNoTracking()
                .Where(i => i.Kind == kind && i.Status != IncidentStatus.Resolved && i.LastSeenAt >= since)
                .ToListAsync();
        var match = open
            .Where(i => IncidentMergeRules.Recent(i.LastSeenAt, sighting.ObservedAt))
            .Select(i => (Row: i, Point: GeoPoint.From(i.Location), Area: AreaOf(i)))
            .Where(i => IncidentMergeRules.SamePlace(sighting.Fix, i.Point, i.Area))
            .OrderBy(i => MetricProjection.DistanceMetres(i.Point, sighting.Fix.Point))
            .Select(i => (Guid?)i.Row.Id)
            .FirstOrDefault();
        if (match is { } id)
        {
            await GrainFactory.GetGrain<IIncidentGrain>(id.ToString()).ObserveAsync(sighting);
            return new IncidentRouting(id, Opened: false);
        }
        var newId = Guid.NewGuid();
        await GrainFactory.GetGrain<IIncidentGrain>(newId.ToString()).OpenAsync(new IncidentReport(
            kind, sighting.Fix.Point, Math.Min(10_000, sighting.Fix.RadiusMetres()), sighting.ObservedAt, [sighting.CameraId], reportedBy,
            Description: $"{kind} seen by camera {sighting.CameraId}", Sighting: sighting));
        return new IncidentRouting(newId, Opened: true);
    }

    private static IReadOnlyList<GeoPoint> AreaOf(IncidentRow row) =>
        row.Area is null ? [] : row.Area.ExteriorRing.Coordinates.Select(c => new GeoPoint(c.X, c.Y)).ToList();
}
