using System.Diagnostics.Metrics;

namespace CityTwin.Vision.Fire;

/// <summary>
/// Counters of the smoke/fire watch on the <see cref="VisionMetrics.MeterName"/> meter (<c>citytwin.fire.*</c>), kept
/// as plain totals too so tests can read them without a listener.
/// </summary>
public sealed class FireMetrics : IDisposable
{
    private readonly Meter _meter = new(VisionMetrics.MeterName);
    private readonly Counter<long> _frames;
    private readonly Counter<long> _detections;
    private readonly Counter<long> _events;
    private readonly Counter<long> _problems;
    private long _framesWatched, _framesRejected, _detectorFailures, _invalidMasks, _detectionsMasked, _detectionsKept, _eventsRaised, _sinkFailures;

    public FireMetrics()
    {
        _frames = _meter.CreateCounter<long>("citytwin.fire.frames", description: "Frames by outcome (watched, rejected)");
        _detections = _meter.CreateCounter<long>("citytwin.fire.detections", description: "Per-frame detections by outcome (kept, masked)");
        _events = _meter.CreateCounter<long>("citytwin.fire.events", description: "Confirmed smoke/fire events raised");
        _problems = _meter.CreateCounter<long>("citytwin.fire.problems", description: "Failures by kind (detector, mask, sink)");
    }

    public long FramesWatched => Interlocked.Read(ref _framesWatched);
    public long FramesRejected => Interlocked.Read(ref _framesRejected);
    public long DetectorFailures => Interlocked.Read(ref _detectorFailures);
    public long InvalidMasks => Interlocked.Read(ref _invalidMasks);
    public long DetectionsMasked => Interlocked.Read(ref _detectionsMasked);
    public long Detections => Interlocked.Read(ref _detectionsKept);
    public long EventsRaised => Interlocked.Read(ref _eventsRaised);
    public long SinkFailures => Interlocked.Read(ref _sinkFailures);

    internal void FrameWatched() => Count(ref _framesWatched, _frames, "outcome", "watched");
    internal void FrameRejected() => Count(ref _framesRejected, _frames, "outcome", "rejected");
    internal void DetectionKept() => Count(ref _detectionsKept, _detections, "outcome", "kept");
    internal void DetectionMasked() => Count(ref _detectionsMasked, _detections, "outcome", "masked");
    internal void EventRaised(FireClass kind) => Count(ref _eventsRaised, _events, "kind", kind.ToString().ToLowerInvariant());
    internal void DetectorFailure() => Count(ref _detectorFailures, _problems, "kind", "detector");
    internal void InvalidMask() => Count(ref _invalidMasks, _problems, "kind", "mask");
    internal void SinkFailure() => Count(ref _sinkFailures, _problems, "kind", "sink");

    private static void Count(ref long total, Counter<long> counter, string tag, string value)
    {
        Interlocked.Increment(ref total);
        counter.Add(1, new KeyValuePair<string, object?>(tag, value));
    }

    public void Dispose() => _meter.Dispose();
}
