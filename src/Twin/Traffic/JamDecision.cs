namespace CityTwin.Twin.Traffic;

/// <summary>What the detector decided for a segment after a leg: a jam begins or ends, with the median then.</summary>
public sealed record JamDecision(string SegmentId, string FromCameraId, string ToCameraId, bool Jammed, DateTimeOffset At, double MedianKmh, DateTimeOffset SlowSince);
