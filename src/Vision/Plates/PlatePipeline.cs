using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Vision.Frames;
using CityTwin.Vision.Plates.Detection;
using CityTwin.Vision.Plates.Reading;
using CityTwin.Vision.Plates.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace CityTwin.Vision.Plates;

/// <summary>
/// The plate pipeline: frames → motion gate → detection → rectification → OCR → plate grammar → per-track voting →
/// batches of <see cref="PlateRead"/> to the ingest. Bad input never stops it: a corrupt frame, a failing model or a
/// refused batch is logged, counted in <see cref="VisionMetrics"/>, and the next frame goes on.
/// </summary>
public sealed class PlatePipeline : IDisposable
{
    /// <summary>How much the plate region is widened before OCR, as a fraction of its size per side.</summary>
    private const float CropMargin = 0.06f;

    private readonly IPlateDetector _detector;
    private readonly IPlateReader _reader;
    private readonly PlateVisionOptions _options;
    private readonly VisionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly bool _ownsParts;
    private long _failuresLogged;

    /// <summary>Creates a pipeline from parts the caller owns.</summary>
    public PlatePipeline(IPlateDetector detector, IPlateReader reader, PlateVisionOptions options, VisionMetrics metrics, ILogger? logger = null)
        : this(detector, reader, options, metrics, logger, ownsParts: false)
    {
    }

    private PlatePipeline(IPlateDetector detector, IPlateReader reader, PlateVisionOptions options, VisionMetrics metrics, ILogger? logger, bool ownsParts)
    {
        _detector = detector;
        _reader = reader;
        _options = options;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        _ownsParts = ownsParts;
    }

    /// <summary>Creates the configured detector and reader; the pipeline disposes them.</summary>
    /// <exception cref="PlateModelException">A configured model is missing or has the wrong layout.</exception>
    public static PlatePipeline Create(PlateVisionOptions options, VisionMetrics metrics, ILogger? logger = null)
    {
        var detector = PlateDetectorFactory.Create(options.Detector);
        try
        {
            return new PlatePipeline(detector, PlateReaderFactory.Create(options), options, metrics, logger, ownsParts: true);
        }
        catch
        {
            detector.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="source"/> to its end (or cancellation) and sends voted reads to <paramref name="ingest"/>.</summary>
    public async Task<PlatePipelineSummary> RunAsync(IFrameSource source, IPlateReadIngest ingest, CancellationToken cancellationToken = default)
    {
        using var gate = new MotionGate(_options.MotionThreshold);
        using var tracker = new PlateTracker(_options.TrackTimeout);
        long frames = 0, processed = 0, tracks = 0, sent = 0;
        var enumerator = source.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                VideoFrame frame;
                try
                {
                    if (!await enumerator.MoveNextAsync()) break;
                    frame = enumerator.Current;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _metrics.SourceFailure();
                    _logger.LogError(e, "Plate pipeline: frame source {Source} failed; stopping this source", source.Description);
                    break;
                }

                using (frame)
                {
                    frames++;
                    _metrics.FrameRead();
                    if (frame.Image.Empty() || frame.Image.Type() != MatType.CV_8UC3)
                    {
                        _metrics.FrameCorrupt();
                        _logger.LogWarning("Plate pipeline: camera {Camera} frame {Index} at {Time:O} is empty or not 8-bit BGR ({Type}); skipped",
                            frame.CameraId, frame.Index, frame.Time, frame.Image.Empty() ? "empty" : frame.Image.Type().ToString());
                    }
                    else if (!gate.Passes(frame))
                    {
                        _metrics.FrameStatic();
                    }
                    else
                    {
                        processed++;
                        foreach (var read in ProcessFrame(frame.Image, frame.CameraId, frame.Time, frame.Index))
                            tracker.Add(new PlateObservation(frame.CameraId, frame.Time, read.Box,
                                read.Plate?.CanonicalKey ?? read.Ocr.Characters, read.Ocr.CharacterConfidences, read.Layout, read.Crop));
                    }
                    var ended = tracker.Expire(frame.Time);
                    tracks += ended.Count;
                    sent += await SendAsync(ended, ingest, cancellationToken);
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        var rest = tracker.Flush();
        tracks += rest.Count;
        sent += await SendAsync(rest, ingest, cancellationToken);
        _logger.LogInformation("Plate pipeline: {Source} ended: {Frames} frames, {Processed} searched, {Tracks} tracks, {Sent} reads sent",
            source.Description, frames, processed, tracks, sent);
        return new PlatePipelineSummary(frames, processed, tracks, sent);
    }

    /// <summary>
    /// Detects, rectifies and reads the plates of one BGR frame (no gate, no tracking). A model failure is logged and
    /// counted, and gives no reads. The caller disposes the results.
    /// </summary>
    public IReadOnlyList<PlateFrameRead> ProcessFrame(Mat image, string cameraId = "", DateTimeOffset time = default, long index = 0)
    {
        IReadOnlyList<PlateDetection> detections;
        try
        {
            detections = _detector.Detect(image);
        }
        catch (Exception e) when (e is PlateModelException or OpenCVException)
        {
            Fail(e, "detector", cameraId, index);
            return [];
        }
        if (detections.Count == 0) return [];
        _metrics.PlateDetected(detections.Count);

        var crops = new List<(Mat Crop, Twin.Plates.PlateLayout Layout)>(detections.Count);
        foreach (var detection in detections) crops.Add(PlateRectifier.Rectify(image, detection, CropMargin));
        IReadOnlyList<PlateOcrResult> results;
        try
        {
            results = _reader.Read(crops.Select(c => c.Crop).ToList());
        }
        catch (Exception e) when (e is PlateModelException or OpenCVException)
        {
            Fail(e, "reader", cameraId, index);
            foreach (var (crop, _) in crops) crop.Dispose();
            return [];
        }

        var reads = new List<PlateFrameRead>();
        for (var i = 0; i < detections.Count; i++)
        {
            var (crop, layout) = crops[i];
            var ocr = results[i];
            // Fewer than 7 characters is no Vietnamese plate (the shortest, 51G1234, has 7): a false detection.
            if (ocr.Characters.Length < 7)
            {
                crop.Dispose();
                continue;
            }
            var plate = PlateTextInterpreter.Interpret(ocr.Characters, layout, out _);
            reads.Add(new PlateFrameRead(detections[i].Bounds, layout, ocr, plate, crop));
        }
        // Of overlapping detections of one plate keep the read the grammar accepts, or the most confident.
        var kept = new List<PlateFrameRead>();
        foreach (var read in reads.OrderByDescending(r => r.Plate is not null).ThenByDescending(r => r.Ocr.Confidence))
        {
            if (kept.Any(k => PlateDetection.Iou(k.Box, read.Box) > 0.2)) read.Dispose();
            else kept.Add(read);
        }
        return kept;
    }

    /// <summary>Only the detector on <paramref name="image"/>, for timing breakdowns.</summary>
    public int DetectOnly(Mat image) => _detector.Detect(image).Count;

    private void Fail(Exception e, string part, string cameraId, long index)
    {
        _metrics.OcrFailure();
        // The first failures are logged in full; after that one line in a hundred, so a broken model cannot flood the log.
        var logged = Interlocked.Increment(ref _failuresLogged);
        if (logged <= 5 || logged % 100 == 0)
            _logger.LogError("Plate pipeline: the {Part} failed on camera {Camera} frame {Index} ({Count} failures so far): {Error}",
                part, cameraId, index, logged, e.Message);
    }

    private async Task<int> SendAsync(IReadOnlyList<PlateTrack> ended, IPlateReadIngest ingest, CancellationToken cancellationToken)
    {
        if (ended.Count == 0) return 0;
        var batch = new List<PlateRead>();
        foreach (var track in ended)
        {
            using (track)
            {
                var voted = PlateVote.Vote(track);
                if (voted is not { } v || v.Confidence < _options.MinConfidence)
                {
                    _metrics.PlateUnreadable();
                    _logger.LogInformation("Plate pipeline: camera {Camera} track at {Time:O} ({Reads} reads, e.g. '{Text}') is not a readable plate; dropped",
                        track.CameraId, track.FirstSeen, track.Observations.Count, track.Observations.FirstOrDefault()?.Characters);
                    continue;
                }
                Cv2.ImEncode(".jpg", v.Best.Crop, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
                batch.Add(new PlateRead(track.CameraId, v.Best.Time, v.Plate.Display, Math.Clamp(v.Confidence, 0f, 1f),
                    $"vision:{track.CameraId}:{track.FirstSeen.UtcTicks}:{track.Ordinal}", jpeg));
            }
        }

        var sent = 0;
        foreach (var chunk in batch.Chunk(Math.Max(1, _options.MaxBatchSize)))
        {
            try
            {
                var result = await ingest.IngestAsync(chunk, cancellationToken);
                if (!result.Accepted)
                {
                    _metrics.IngestFailure();
                    _logger.LogWarning("Plate pipeline: the ingest refused a batch of {Count} reads: {Errors}", chunk.Length,
                        string.Join("; ", result.Errors.Select(e => $"#{e.Index} {e.Code}: {e.Message}")));
                    continue;
                }
                _metrics.ReadIngested(chunk.Length);
                sent += chunk.Length;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _metrics.IngestFailure();
                _logger.LogError(e, "Plate pipeline: sending {Count} reads to the ingest failed; they are dropped", chunk.Length);
            }
        }
        return sent;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_ownsParts) return;
        _detector.Dispose();
        _reader.Dispose();
    }
}
