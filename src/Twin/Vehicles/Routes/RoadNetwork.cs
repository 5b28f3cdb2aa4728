using CityTwin.Twin.Cameras;
using CityTwin.Twin.Layers;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>
/// <see cref="IRoadNetwork"/> from the <c>roads</c> layer (imported by <c>citytwin import</c>) and the <c>cameras</c>
/// table. Roads change only on import, so the graph is rebuilt at most every <see cref="RoadsMaxAge"/>; cameras are
/// re-read every <see cref="CamerasMaxAge"/> so a newly registered camera soon takes part in predictions.
/// </summary>
public sealed class RoadNetwork(IDbContextFactory<TwinDbContext> databases, TimeProvider clock) : IRoadNetwork
{
    private static readonly TimeSpan RoadsMaxAge = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CamerasMaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim refresh = new(1, 1);
    private (RoadGraph? Graph, DateTimeOffset At)? roads;
    private (IReadOnlyList<RouteCamera> List, DateTimeOffset At)? cameras;

    /// <inheritdoc />
    public async Task<(RoadGraph? Roads, IReadOnlyList<RouteCamera> Cameras)> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (roads is { } r && cameras is { } c && now - r.At < RoadsMaxAge && now - c.At < CamerasMaxAge) return (r.Graph, c.List);
        await refresh.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (roads is not { } current || now - current.At >= RoadsMaxAge)
                roads = (await LoadRoadsAsync(db, cancellationToken), now);
            if (cameras is not { } known || now - known.At >= CamerasMaxAge)
                cameras = (await LoadCamerasAsync(db, cancellationToken), now);
            return (roads.Value.Graph, cameras.Value.List);
        }
        finally
        {
            refresh.Release();
        }
    }

    private static async Task<RoadGraph?> LoadRoadsAsync(TwinDbContext db, CancellationToken cancellationToken)
    {
        var lines = await db.Set<RoadRow>().AsNoTracking().Select(r => r.Geometry).ToListAsync(cancellationToken);
        if (lines.Count == 0) return null;
        return RoadGraph.Build(lines.SelectMany(m => ((MultiLineString)MetricProjection.ToMetric(m)).Geometries.Cast<LineString>()));
    }

    private static async Task<IReadOnlyList<RouteCamera>> LoadCamerasAsync(TwinDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<CameraRow>().AsNoTracking().Select(c => new { c.Id, c.Name, c.Location }).ToListAsync(cancellationToken);
        return rows.Select(c => new RouteCamera(c.Id, c.Name, GeoPoint.From(c.Location))).ToList();
    }
}
