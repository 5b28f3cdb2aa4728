using System.Diagnostics.Metrics;

namespace CityTwin.Vision;

/// <summary>
/// Counters of the vision pipelines, published on the <see cref="System.Diagnostics.Metrics.Meter"/> named
/// <see cref="MeterName"/> and kept as plain totals too, so tests and the eval harness can read them without a listener.
/// </summary>
public sealed class VisionMetrics : IDisposable
{
    /// <summary>The meter every vision counter is published on.</summary>
    public const string MeterName = "CityTwin.Vision";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _frames;
    private readonly Counter<long> _problems;
    private readonly Counter<long> _plates;
    private long _framesRead, _framesStatic, _framesCorrupt, _sourceFailures, _sourcesGivenUp;
    private long _platesDetected, _ocrFailures, _platesUnreadable, _readsIngested, _ingestFailures;

    /// <summary>Creates the counters.</summary>
    public VisionMetrics()
    {
        _frames = _meter.CreateCounter<long>("citytwin.vision.frames", description: "Frames by outcome (read, static, corrupt)");
        _problems = _meter.CreateCounter<long>("citytwin.vision.problems", description: "Failures by kind (source, model, ingest)");
        _plates = _meter.CreateCounter<long>("citytwin.vision.plates", description: "Plates by outcome (detected, unreadable, ingested)");
    }

    /// <summary>Frames handed to the pipeline.</summary>
    public long FramesRead => Interlocked.Read(ref _framesRead);
    /// <summary>Frames the motion gate skipped as static.</summary>
    public long FramesStatic => Interlocked.Read(ref _framesStatic);
    /// <summary>Frames that could not be decoded or were empty.</summary>
    public long FramesCorrupt => Interlocked.Read(ref _framesCorrupt);
    /// <summary>Failed opens or reads of a frame source (each retry counts).</summary>
    public long SourceFailures => Interlocked.Read(ref _sourceFailures);
    /// <summary>Frame sources abandoned after their last retry.</summary>
    public long SourcesGivenUp => Interlocked.Read(ref _sourcesGivenUp);
    /// <summary>Plate regions found by the detector.</summary>
    public long PlatesDetected => Interlocked.Read(ref _platesDetected);
    /// <summary>Model runs that failed or returned garbage (wrong shape, NaN).</summary>
    public long OcrFailures => Interlocked.Read(ref _ocrFailures);
    /// <summary>Tracks whose voted text is not a valid plate or too unsure.</summary>
    public long PlatesUnreadable => Interlocked.Read(ref _platesUnreadable);
    /// <summary>Reads accepted by the ingest.</summary>
    public long ReadsIngested => Interlocked.Read(ref _readsIngested);
    /// <summary>Ingest calls that threw or refused the batch.</summary>
    public long IngestFailures => Interlocked.Read(ref _ingestFailures);

    internal void FrameRead() => Count(ref _framesRead, _frames, "read");
    internal void FrameStatic() => Count(ref _framesStatic, _frames, "static");
    internal void FrameCorrupt() => Count(ref _framesCorrupt, _frames, "corrupt");
    internal void SourceFailure() => Count(ref _sourceFailures, _problems, "source");
    internal void SourceGivenUp() => Count(ref _sourcesGivenUp, _problems, "source_given_up");
    internal void PlateDetected(int count = 1) => Count(ref _platesDetected, _plates, "detected", count);
    internal void OcrFailure() => Count(ref _ocrFailures, _problems, "model");
    internal void PlateUnreadable() => Count(ref _platesUnreadable, _plates, "unreadable");
    internal void ReadIngested(int count) => Count(ref _readsIngested, _plates, "ingested", count);
    internal void IngestFailure() => Count(ref _ingestFailures, _problems, "ingest");

    private static void Count(ref long total, Counter<long> counter, string outcome, int count = 1)
    {
        if (count <= 0) return;
        Interlocked.Add(ref total, count);
        counter.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
