using CityTwin.Twin.Persistence;
using CityTwin.Twin.Wards;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Cameras;

/// <summary>
/// Composable filters over <c>cameras</c> for the API's lists. Each one translates to a single PostGIS predicate
/// (ST_Intersects, ST_Contains, <c>= ANY(@ids)</c>) so the GiST and primary-key indexes do the work.
/// </summary>
public static class CameraSearch
{
    /// <summary>The cameras with these ids, in one round trip (<c>WHERE id = ANY(@ids)</c>).</summary>
    public static IQueryable<CameraRow> WithIds(this TwinDbContext db, IReadOnlyCollection<string> ids) =>
        db.Set<CameraRow>().Where(camera => ids.Contains(camera.Id));

    /// <summary>Cameras standing inside a map area (SRID 4326).</summary>
    public static IQueryable<CameraRow> StandingIn(this IQueryable<CameraRow> cameras, Geometry area) =>
        cameras.Where(camera => camera.Location.Intersects(area));

    /// <summary>
    /// Cameras of a ward: inside its imported boundary where one is loaded (the ground truth), else the cameras
    /// registered to it, since the demo city ships ward codes and label points but no boundaries.
    /// </summary>
    public static IQueryable<CameraRow> InWard(this IQueryable<CameraRow> cameras, TwinDbContext db, string wardCode) =>
        cameras.Where(camera => db.Set<WardRow>().Any(ward => ward.Code == wardCode
            && ((ward.Boundary != null && ward.Boundary.Contains(camera.Location))
                || (ward.Boundary == null && camera.WardCode == wardCode))));
}
