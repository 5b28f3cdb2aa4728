using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Wards;

/// <summary>Finds the ward a point lies in, from PostGIS.</summary>
public interface IWardLocator
{
    /// <summary>
    /// The ward whose boundary contains the point; where no boundary is loaded, the ward whose label point is
    /// nearest within <paramref name="maxLabelDistanceM"/>; else null.
    /// </summary>
    Task<string?> LocateAsync(GeoPoint point, double maxLabelDistanceM = 2_500, CancellationToken cancellationToken = default);
}
