namespace CityTwin.Twin.Traffic;

/// <summary>One vehicle's trip between two consecutive cameras: the segment, when it arrived and how fast it went.</summary>
public readonly record struct SegmentLeg(string FromCameraId, string ToCameraId, DateTimeOffset ArrivedAt, double SpeedKmh)
{
    /// <summary>The segment's id: the cameras in travel order.</summary>
    public string SegmentId => $"{FromCameraId}→{ToCameraId}";
}
