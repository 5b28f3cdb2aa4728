using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Planning;

/// <summary>The inverse question: the fewest new cameras that bring arterials and gateways to <paramref name="TargetPercent"/> coverage.</summary>
/// <param name="TargetPercent">Wanted coverage of arterial and gateway road length, in (0, 100].</param>
/// <param name="Kind">Sector or 360° PTZ.</param>
/// <param name="Area">Only roads and sites inside this WGS84 polygon; null for the whole city.</param>
/// <param name="TimeLimit">How long the exact solver may run.</param>
public sealed record TargetPlanRequest(double TargetPercent, CameraSiteKind Kind, Geometry? Area, TimeSpan TimeLimit);
