using CityTwin.Vision.Fire.Model;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace CityTwin.Vision.Fire.Watch;

/// <summary>
/// Watches the frames of one camera for smoke and fire. Each frame is blanked under the camera's exclusion masks and
/// run through the detector, which leaves out patches lying largely under a mask; detections lying mostly under a
/// mask are dropped. An event is raised only when the same class was seen in at least K of the last N frames in regions that overlap the newest one (a passing cloud or one
/// bright frame raises nothing), and again at most once per repeat interval while it stays confirmed. A bad frame,
/// a failing detector, an invalid mask or a failing sink is logged and counted, and the watch goes on. One instance
/// per camera; not thread-safe (frames of one camera arrive in order).
/// </summary>
public sealed class FireWatch : IDisposable
{
    private readonly ISmokeFireDetector _detector;
    private readonly IExclusionMaskSource _masks;
    private readonly IFireEventSink _sink;
    private readonly FireWatchOptions _options;
    private readonly FireMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Queue<FireDetection?[]> _window = new();
    private readonly DateTimeOffset?[] _lastRaised = new DateTimeOffset?[2];

    public FireWatch(string cameraId, ISmokeFireDetector detector, IExclusionMaskSource masks, IFireEventSink sink,
        FireWatchOptions options, FireMetrics metrics, ILogger logger)
    {
        if (options.ConfirmFrames < 1 || options.WindowFrames < options.ConfirmFrames)
            throw new ArgumentException($"fire confirmation needs 1 <= K <= N, got K={options.ConfirmFrames} N={options.WindowFrames}");
        CameraId = cameraId;
        (_detector, _masks, _sink, _options, _metrics, _logger) = (detector, masks, sink, options, metrics, logger);
    }

    public string CameraId { get; }

    /// <summary>Processes one frame; returns the events it raised (already published).</summary>
    public async ValueTask<IReadOnlyList<ConfirmedFireEvent>> ProcessAsync(Mat frameBgr, DateTimeOffset observedAt, CancellationToken ct)
    {
        try
        {
            FrameGuard.Check(frameBgr);
        }
        catch (InvalidFrameException e)
        {
            _metrics.FrameRejected();
            _logger.LogWarning("Fire watch {Camera}: frame at {Time} rejected: {Reason}", CameraId, observedAt, e.Message);
            return [];
        }
        _metrics.FrameWatched();

        using var mask = ExclusionMask.Build(_masks.MasksFor(CameraId), (index, reason) =>
        {
            _metrics.InvalidMask();
            _logger.LogWarning("Fire watch {Camera}: exclusion mask {Index} ignored: {Reason}", CameraId, index, reason);
        });
        var seen = new FireDetection?[2];
        using (var visible = mask.Apply(frameBgr))
        {
            foreach (var detection in Detect(visible, mask))
            {
                if (mask.MaskedShare(detection.Region) >= _options.MaskedShareToDrop) { _metrics.DetectionMasked(); continue; }
                _metrics.DetectionKept();
                var slot = (int)detection.Kind;
                if (seen[slot] is null || detection.Confidence > seen[slot]!.Confidence) seen[slot] = detection;
            }
        }
        _window.Enqueue(seen);
        while (_window.Count > _options.WindowFrames) _window.Dequeue();

        var raised = new List<ConfirmedFireEvent>();
        foreach (var kind in new[] { FireClass.Smoke, FireClass.Fire })
        {
            var confirmed = Confirm(kind, seen[(int)kind]);
            if (confirmed is null) continue;
            var last = _lastRaised[(int)kind];
            if (last is not null && observedAt - last.Value < _options.RepeatInterval) continue;
            var fireEvent = new ConfirmedFireEvent(CameraId, kind, observedAt, confirmed.Value.Confidence, confirmed.Value.Region, Snapshot(frameBgr));
            try
            {
                await _sink.PublishAsync(fireEvent, ct);
                _lastRaised[(int)kind] = observedAt;
                _metrics.EventRaised(kind);
                raised.Add(fireEvent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _metrics.SinkFailure();
                _logger.LogError(e, "Fire watch {Camera}: publishing the {Kind} event failed; it is raised again on the next confirmed frame", CameraId, kind);
            }
        }
        return raised;
    }

    private IReadOnlyList<FireDetection> Detect(Mat frame, ExclusionMask mask)
    {
        try
        {
            return mask.Polygons == 0 ? _detector.Detect(frame) : _detector.Detect(frame, mask);
        }
        catch (Exception e) when (e is FireModelException or OnnxRuntimeException or InvalidFrameException or OpenCVException)
        {
            _metrics.DetectorFailure();
            _logger.LogError("Fire watch {Camera}: the detector failed on a frame: {Reason}", CameraId, e.Message);
            return [];
        }
    }

    /// <summary>K of N: frames whose detection of this class overlaps the newest one, the newest included.</summary>
    private (double Confidence, NormalizedBox Region)? Confirm(FireClass kind, FireDetection? newest)
    {
        if (newest is null) return null;
        var agreeing = _window.Select(frame => frame[(int)kind])
            .Where(d => d is not null && Overlap(d.Region, newest.Region)).ToList();
        return agreeing.Count >= _options.ConfirmFrames ? (agreeing.Average(d => d!.Confidence), newest.Region) : null;
    }

    private static bool Overlap(NormalizedBox a, NormalizedBox b) =>
        Math.Min(a.X + a.Width, b.X + b.Width) > Math.Max(a.X, b.X) && Math.Min(a.Y + a.Height, b.Y + b.Height) > Math.Max(a.Y, b.Y);

    private byte[] Snapshot(Mat frame)
    {
        Cv2.ImEncode(".jpg", frame, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, Math.Clamp(_options.SnapshotQuality, 10, 100)));
        return jpeg;
    }

    public void Dispose() => (_detector as IDisposable)?.Dispose();
}
