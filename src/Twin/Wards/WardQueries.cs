using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Wards;

/// <summary>Filters over <c>wards</c> for the API's ward list and its aggregates.</summary>
public static class WardQueries
{
    /// <summary>
    /// Wards that reach into a map area: by boundary where one is imported, else by label point, so a city without
    /// boundaries still answers area queries.
    /// </summary>
    public static IQueryable<WardRow> ReachingInto(this IQueryable<WardRow> wards, Geometry area) =>
        wards.Where(ward => (ward.Boundary != null && ward.Boundary.Intersects(area))
            || (ward.Boundary == null && ward.LabelPoint != null && ward.LabelPoint.Intersects(area)));

    /// <summary>Wards of one district (GSO district code, e.g. <c>769</c> for Thu Duc City).</summary>
    public static IQueryable<WardRow> InDistrict(this IQueryable<WardRow> wards, string districtCode) =>
        wards.Where(ward => ward.DistrictCode == districtCode);
}
