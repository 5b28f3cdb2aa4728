using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace CityTwin.Vision.Frames;

/// <summary>
/// Frames from a video file or a live RTSP/HTTP stream through OpenCV's FFmpeg backend. The OpenCvSharp runtime
/// served here builds FFmpeg with <c>--disable-network</c>, so live URLs fail to open with it (cleanly, with the
/// back-off below); <see cref="FrameSources.Open"/> sends them to <see cref="FfmpegStreamFrameSource"/> instead. A live stream that cannot be
/// opened or stops delivering is reopened with exponential back-off (<see cref="ReconnectPolicy"/>), one log line per
/// failure; a file is read once. Live frames are stamped with the receiving clock, file frames with
/// <c>start + position in the file</c>.
/// </summary>
public sealed class VideoCaptureFrameSource : IFrameSource
{
    // OpenCV's CAP_PROP_OPEN_TIMEOUT_MSEC and CAP_PROP_READ_TIMEOUT_MSEC: without them a dead RTSP host blocks for ~30 s.
    private const int OpenTimeoutProperty = 53;
    private const int ReadTimeoutProperty = 54;

    private readonly string _location;
    private readonly string _cameraId;
    private readonly ReconnectPolicy _policy;
    private readonly DateTimeOffset _fileStart;
    private readonly TimeProvider _clock;
    private readonly VisionMetrics? _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates a source for <paramref name="location"/> (a file path or an rtsp://, http:// or https:// URL).</summary>
    public VideoCaptureFrameSource(
        string location, string cameraId, ReconnectPolicy? policy = null, DateTimeOffset? fileStart = null,
        TimeProvider? clock = null, VisionMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentException.ThrowIfNullOrWhiteSpace(cameraId);
        _location = location;
        _cameraId = cameraId;
        _policy = policy ?? ReconnectPolicy.Default;
        _clock = clock ?? TimeProvider.System;
        _fileStart = fileStart ?? _clock.GetUtcNow();
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        IsLive = Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "rtsp" or "rtsps" or "http" or "https" or "rtmp";
    }

    /// <summary>Whether the location is a live stream (reconnected) rather than a file (read once).</summary>
    public bool IsLive { get; }

    /// <inheritdoc />
    public string Description => $"{Redact(_location)} ({_cameraId})";

    /// <inheritdoc />
    public async IAsyncEnumerable<VideoFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long index = 0;
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            attempt++;
            using var capture = Open();
            if (capture is null)
            {
                if (!await BackOffAsync(attempt, "could not be opened", cancellationToken)) yield break;
                continue;
            }

            var delivered = false;
            while (!cancellationToken.IsCancellationRequested)
            {
                var image = new Mat();
                bool ok;
                try
                {
                    ok = capture.Read(image) && !image.Empty();
                }
                catch (OpenCVException e)
                {
                    _logger.LogWarning("Camera {Camera}: reading {Source} failed: {Error}", _cameraId, Description, e.Message);
                    ok = false;
                }
                if (!ok)
                {
                    image.Dispose();
                    break;
                }
                delivered = true;
                attempt = 0;
                var time = IsLive ? _clock.GetUtcNow() : _fileStart + TimeSpan.FromMilliseconds(capture.Get(VideoCaptureProperties.PosMsec));
                yield return new VideoFrame(_cameraId, time, index++, image);
                // Give the consumer's awaits a chance to run between blocking reads.
                await Task.Yield();
            }

            if (!IsLive)
            {
                if (!delivered)
                {
                    _metrics?.SourceFailure();
                    _logger.LogWarning("Camera {Camera}: {Source} has no readable frames", _cameraId, Description);
                }
                yield break;
            }
            if (!await BackOffAsync(Math.Max(attempt, 1), "stopped delivering frames", cancellationToken)) yield break;
        }
    }

    private VideoCapture? Open()
    {
        if (!IsLive && !File.Exists(_location))
        {
            _logger.LogWarning("Camera {Camera}: video file {Source} does not exist", _cameraId, Description);
            return null;
        }
        try
        {
            var capture = new VideoCapture(_location, VideoCaptureAPIs.FFMPEG,
                [OpenTimeoutProperty, 5000, ReadTimeoutProperty, 5000]);
            if (capture.IsOpened()) return capture;
            capture.Dispose();
        }
        catch (OpenCVException e)
        {
            _logger.LogWarning("Camera {Camera}: opening {Source} threw: {Error}", _cameraId, Description, e.Message);
        }
        return null;
    }

    /// <summary>Counts and logs a failure, then waits before the next try; false when the source gives up.</summary>
    private async Task<bool> BackOffAsync(int attempt, string what, CancellationToken cancellationToken)
    {
        _metrics?.SourceFailure();
        if (!IsLive || !_policy.MayRetry(attempt))
        {
            _metrics?.SourceGivenUp();
            _logger.LogError("Camera {Camera}: {Source} {What} (try {Attempt}); giving up", _cameraId, Description, what, attempt);
            return false;
        }
        var delay = _policy.DelayAfter(attempt);
        _logger.LogWarning("Camera {Camera}: {Source} {What} (try {Attempt}); retrying in {Delay} s",
            _cameraId, Description, what, attempt, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, _clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        return true;
    }

    /// <summary>Hides a password in a stream URL before it reaches a log line.</summary>
    private static string Redact(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? location.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : location;
}
