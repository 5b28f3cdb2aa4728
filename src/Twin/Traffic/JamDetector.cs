using CityTwin.Twin.Coverage;

namespace CityTwin.Twin.Traffic;

/// <summary>
/// Jams from the twin's own sightings: per segment, the median speed of the legs that ended in the last
/// <see cref="JamOptions.Window"/>. Once the median has stayed below the threshold of the segment's road class
/// (<see cref="JamOptions.ThresholdFor"/>) for
/// <see cref="JamOptions.HoldFor"/> (with at least <see cref="JamOptions.MinVehicles"/> legs), a jam begins; it ends
/// when the median is back above threshold × <see cref="JamOptions.RecoverFactor"/>. Time is the legs' own time, so
/// replayed or delayed sightings decide the same way. Not thread-safe: one caller at a time.
/// </summary>
public sealed class JamDetector(JamOptions options)
{
    private readonly Dictionary<string, SegmentState> segments = new(StringComparer.Ordinal);

    /// <summary>Adds a leg on a road of <paramref name="roadClass"/>; returns a decision when the segment's jam begins or ends.</summary>
    public JamDecision? Observe(SegmentLeg leg, RoadClass roadClass = RoadClass.Local)
    {
        if (!double.IsFinite(leg.SpeedKmh) || leg.SpeedKmh < 0) return null;
        if (!segments.TryGetValue(leg.SegmentId, out var segment))
            segments[leg.SegmentId] = segment = new SegmentState();
        segment.Legs.Add((leg.ArrivedAt, leg.SpeedKmh));
        var latest = segment.Legs.Max(l => l.At);
        segment.Legs.RemoveAll(l => l.At < latest - options.Window);
        if (segment.Legs.Count < options.MinVehicles) return null;

        var median = Median(segment.Legs.Select(l => l.Speed));
        var threshold = options.ThresholdFor(roadClass);
        if (!segment.Jammed)
        {
            if (median >= threshold)
            {
                segment.SlowSince = null;
                return null;
            }
            segment.SlowSince ??= latest;
            if (latest - segment.SlowSince < options.HoldFor) return null;
            segment.Jammed = true;
            return new JamDecision(leg.SegmentId, leg.FromCameraId, leg.ToCameraId, true, latest, median, segment.SlowSince.Value, roadClass, threshold);
        }
        if (median < threshold * options.RecoverFactor) return null;
        segment.Jammed = false;
        var since = segment.SlowSince ?? latest;
        segment.SlowSince = null;
        return new JamDecision(leg.SegmentId, leg.FromCameraId, leg.ToCameraId, false, latest, median, since, roadClass, threshold);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private sealed class SegmentState
    {
        public List<(DateTimeOffset At, double Speed)> Legs { get; } = [];
        public DateTimeOffset? SlowSince { get; set; }
        public bool Jammed { get; set; }
    }
}
