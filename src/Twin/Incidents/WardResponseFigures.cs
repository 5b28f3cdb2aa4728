namespace CityTwin.Twin.Incidents;

/// <summary>
/// How fast teams reach incidents in one ward: of the incidents detected in the period that reached the scene, the
/// median and 90th percentile of detection → on scene, in seconds.
/// </summary>
public sealed record WardResponseFigures(string WardCode, int Incidents, int ReachedScene, double? MedianSeconds, double? P90Seconds);
