using CityTwin.Twin.Spatial;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Cameras;

/// <summary>
/// Spatial queries over <c>cameras</c>, written in LINQ that Npgsql translates to PostGIS functions
/// (ST_Contains, ST_DWithin, ST_Distance) so the GiST index on the location does the filtering.
/// </summary>
public static class CameraQueries
{
    /// <summary>Metres per degree of latitude; a degree of longitude is shorter by cos(latitude).</summary>
    private const double MetresPerDegree = 111_320;

    /// <summary>Cameras whose position lies inside the ward's imported boundary.</summary>
    public static IQueryable<CameraRow> InsideWard(this TwinDbContext db, string wardCode) =>
        db.Set<CameraRow>().Where(camera => db.Set<WardRow>()
            .Any(ward => ward.Code == wardCode && ward.Boundary != null && ward.Boundary.Contains(camera.Location)));

    /// <summary>
    /// Cameras within a degree box that safely contains <paramref name="radiusM"/> around the point, nearest first.
    /// The caller trims to the exact metric radius with <see cref="NearestAsync"/>.
    /// </summary>
    public static IQueryable<CameraRow> Near(this TwinDbContext db, GeoPoint point, double radiusM)
    {
        point.EnsureValid();
        var degrees = radiusM / (MetresPerDegree * Math.Cos(point.Latitude * Math.PI / 180));
        var centre = point.ToPoint();
        return db.Set<CameraRow>()
            .Where(camera => camera.Location.IsWithinDistance(centre, degrees))
            .OrderBy(camera => camera.Location.Distance(centre));
    }

    /// <summary>The nearest cameras within <paramref name="radiusM"/> metres, with their true distance.</summary>
    public static async Task<IReadOnlyList<(CameraRow Camera, double DistanceM)>> NearestAsync(
        this TwinDbContext db, GeoPoint point, double radiusM, int limit, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Near(point, radiusM).AsNoTracking().Take(limit * 2 + 8).ToListAsync(cancellationToken);
        return candidates
            .Select(c => (Camera: c, DistanceM: MetricProjection.DistanceMetres(point, GeoPoint.From(c.Location))))
            .Where(c => c.DistanceM <= radiusM)
            .OrderBy(c => c.DistanceM)
            .Take(limit)
            .ToList();
    }
}
