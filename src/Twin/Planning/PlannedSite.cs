using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Planning;

/// <summary>One proposed camera: where, facing where, and what it adds to the cameras chosen before it.</summary>
/// <param name="Rank">1 for the site that adds the most, then in the order each adds the most to those before.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="HeadingDeg">Compass bearing of a sector camera (0 for 360°).</param>
/// <param name="FieldOfViewDeg">Field of view.</param>
/// <param name="RangeM">Range on the ground.</param>
/// <param name="WardCode">The ward it stands in.</param>
/// <param name="GainM">Uncovered road length it adds (marginal gain).</param>
/// <param name="GainWeighted">The same weighted by class.</param>
public sealed record PlannedSite(
    int Rank, double Longitude, double Latitude, double HeadingDeg, double FieldOfViewDeg, double RangeM, string WardCode,
    double GainM, double GainWeighted)
{
    /// <summary>What the camera would see (SRID 4326).</summary>
    public Polygon ViewArea() => Cameras.ViewArea.Compute(new GeoPoint(Longitude, Latitude), HeadingDeg, FieldOfViewDeg, RangeM);
}
