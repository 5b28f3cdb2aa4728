using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Orleans.Concurrency;

namespace CityTwin.Twin.Incidents.Desk;

/// <summary>
/// <see cref="IIncidentDeskGrain"/>. Reentrant, so sightings far apart route at the same time: each reads the open
/// incidents of its kind near it from <c>incidents</c> (a spatial, indexed query), waits only for routings still in
/// flight on incidents near it, then decides with no await between the decision and registering its own work. Two
/// sightings that could merge therefore always decide one after the other, exactly as one queue would, wherever they
/// are; the merge itself is <see cref="IncidentMergeRules"/>, into the nearest match, else a new incident.
/// </summary>
[Reentrant]
public sealed class IncidentDeskGrain(IDbContextFactory<TwinDbContext> databases, TimeProvider clock) : Grain, IIncidentDeskGrain
{
    /// <summary>How long after an incident was last seen the desk keeps it in memory; the database keeps it anyway.</summary>
    private static readonly TimeSpan Memory = IncidentMergeRules.Window + TimeSpan.FromMinutes(5);

    private readonly DeskIndex index = new();

    public async Task<IncidentRouting> RouteAsync(IncidentSighting sighting, string reportedBy)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var kind = Enum.Parse<IncidentKind>(this.GetPrimaryKeyString());
        var reach = IncidentReach.Of(sighting.Fix);
        var stored = await StoredNearAsync(kind, sighting, reach);
        // Wait for the routings near this sighting; new ones may start while waiting, so look again until none.
        for (var busy = index.WorkNear(reach); busy.Count > 0; busy = index.WorkNear(reach))
            await Task.WhenAll(busy).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

        // From here to registering the work there is no await: no other routing of this kind runs in between.
        index.Forget(clock.GetUtcNow() - Memory);
        var match = Choose(stored, sighting, reach);
        Task<IncidentRouting> work;
        DeskEntry entry;
        if (match is null)
        {
            entry = new DeskEntry(Guid.NewGuid(), sighting.Fix.Point, sighting.Fix.Area, sighting.ObservedAt);
            index.Add(entry);
            work = OpenAsync(entry, kind, sighting, reportedBy);
        }
        else
        {
            entry = match;
            work = MergeAsync(entry, kind, sighting, reportedBy);
        }
        entry.Work = work;
        return await work;
    }

    private async Task<IncidentRouting> OpenAsync(DeskEntry entry, IncidentKind kind, IncidentSighting sighting, string reportedBy)
    {
        IncidentState state;
        try
        {
            state = await GrainFactory.GetGrain<IIncidentGrain>(entry.Id.ToString()).OpenAsync(new IncidentReport(
                kind, sighting.Fix.Point, Math.Min(10_000, sighting.Fix.RadiusMetres()), sighting.ObservedAt, [sighting.CameraId], reportedBy,
                Description: $"{kind} seen by camera {sighting.CameraId}", Sighting: sighting));
        }
        catch
        {
            // Nothing was opened: later sightings must not merge into it.
            entry.MarkResolved();
            throw;
        }
        entry.Update(state);
        return new IncidentRouting(entry.Id, Opened: true);
    }

    private async Task<IncidentRouting> MergeAsync(DeskEntry entry, IncidentKind kind, IncidentSighting sighting, string reportedBy)
    {
        var state = await GrainFactory.GetGrain<IIncidentGrain>(entry.Id.ToString()).ObserveIfOpenAsync(sighting);
        if (state is not null)
        {
            entry.Update(state);
            return new IncidentRouting(entry.Id, Opened: false);
        }
        // An operator resolved it since the desk last looked: the sighting opens a new incident, as it would have then.
        entry.MarkResolved();
        var fresh = new DeskEntry(Guid.NewGuid(), sighting.Fix.Point, sighting.Fix.Area, sighting.ObservedAt);
        index.Add(fresh);
        var opening = OpenAsync(fresh, kind, sighting, reportedBy);
        fresh.Work = opening;
        return await opening;
    }

    /// <summary>The nearest open incident the sighting belongs to: the desk's newer memory wins over a stored row.</summary>
    private DeskEntry? Choose(IReadOnlyList<IncidentRow> stored, IncidentSighting sighting, Envelope reach)
    {
        foreach (var row in stored)
        {
            if (index.Find(row.Id) is { } known) known.SeenAt(row.LastSeenAt);
            else index.Add(new DeskEntry(row.Id, GeoPoint.From(row.Location), AreaOf(row), row.LastSeenAt));
        }
        return index.Near(reach)
            .Where(e => !e.Resolved && IncidentMergeRules.Recent(e.LastSeenAt, sighting.ObservedAt))
            .Where(e => IncidentMergeRules.SamePlace(sighting.Fix, e.Point, e.Area))
            .OrderBy(e => MetricProjection.DistanceMetres(e.Point, sighting.Fix.Point))
            .FirstOrDefault();
    }

    /// <summary>Open incidents of the kind seen within the window whose point or polygon meets the reach.</summary>
    private async Task<List<IncidentRow>> StoredNearAsync(IncidentKind kind, IncidentSighting sighting, Envelope reach)
    {
        var since = sighting.ObservedAt - IncidentMergeRules.Window;
        var area = IncidentReach.ToPolygon(reach);
        await using var db = await databases.CreateDbContextAsync();
        return await db.Set<IncidentRow>().AsNoTracking()
            .Where(i => i.Kind == kind && i.Status != IncidentStatus.Resolved && i.LastSeenAt >= since)
            .Where(i => i.Location.Intersects(area) || (i.Area != null && i.Area.Intersects(area)))
            .ToListAsync();
    }

    private static IReadOnlyList<GeoPoint> AreaOf(IncidentRow row) =>
        row.Area is null ? [] : row.Area.ExteriorRing.Coordinates.Select(c => new GeoPoint(c.X, c.Y)).ToList();
}
