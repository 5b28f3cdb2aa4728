namespace CityTwin.Twin.Planning;

/// <summary>A place a camera could go: an intersection or a point along a long segment, with the heading it would face.</summary>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="HeadingDeg">Compass bearing (ignored for 360° cameras).</param>
/// <param name="WardCode">The ward zone it stands in.</param>
public sealed record CandidateSite(double Longitude, double Latitude, double HeadingDeg, string WardCode);
