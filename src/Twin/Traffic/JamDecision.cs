using CityTwin.Twin.Coverage;

namespace CityTwin.Twin.Traffic;

/// <summary>
/// What the detector decided for a segment after a leg: a jam begins or ends, with the median then, the segment's
/// road class and the threshold that class gave.
/// </summary>
public sealed record JamDecision(
    string SegmentId, string FromCameraId, string ToCameraId, bool Jammed, DateTimeOffset At, double MedianKmh, DateTimeOffset SlowSince,
    RoadClass RoadClass = RoadClass.Local, double ThresholdKmh = 0);
