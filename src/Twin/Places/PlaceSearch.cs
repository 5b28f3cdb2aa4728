using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Places;

/// <summary>Filters shared by the place tables (stores, schools, clinics), translated to PostGIS predicates.</summary>
public static class PlaceSearch
{
    /// <summary>Places inside a map area (SRID 4326), through the GiST index on the location.</summary>
    public static IQueryable<TRow> StandingIn<TRow>(this IQueryable<TRow> places, Geometry area) where TRow : PlaceRow =>
        places.Where(place => place.Location.Intersects(area));

    /// <summary>Places registered to a ward.</summary>
    public static IQueryable<TRow> InWard<TRow>(this IQueryable<TRow> places, string wardCode) where TRow : PlaceRow =>
        places.Where(place => place.WardCode == wardCode);
}
