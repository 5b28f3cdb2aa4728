using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace CityTwin.Vision.Frames;

/// <summary>
/// Frames of a live RTSP/HTTP stream decoded by the Debian <c>ffmpeg</c> program into raw BGR on its stdout. It exists
/// because the FFmpeg inside the OpenCvSharp runtime is built with <c>--disable-network</c>, so OpenCV's VideoCapture
/// can read files but no network stream. Frames are scaled to a fixed size (raw frames carry no size of their own)
/// and stamped with the receiving clock. A stream that cannot be opened or ends is restarted with exponential
/// back-off (<see cref="ReconnectPolicy"/>), with one log line per failure carrying ffmpeg's own last error line.
/// </summary>
public sealed class FfmpegStreamFrameSource : IFrameSource
{
    private readonly string _url;
    private readonly string _cameraId;
    private readonly Size _size;
    private readonly ReconnectPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly VisionMetrics? _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates a source for <paramref name="url"/>, delivering <paramref name="size"/> frames.</summary>
    public FfmpegStreamFrameSource(string url, string cameraId, Size size, ReconnectPolicy? policy = null,
        TimeProvider? clock = null, VisionMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(cameraId);
        ArgumentOutOfRangeException.ThrowIfLessThan(size.Width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(size.Height, 16);
        _url = url;
        _cameraId = cameraId;
        _size = size;
        _policy = policy ?? ReconnectPolicy.Default;
        _clock = clock ?? TimeProvider.System;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The ffmpeg program found on PATH, or null when it is not installed (Debian package <c>ffmpeg</c>).</summary>
    public static string? Program =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "ffmpeg")).FirstOrDefault(File.Exists);

    /// <inheritdoc />
    public string Description => $"{_url} via ffmpeg ({_cameraId})";

    /// <inheritdoc />
    public async IAsyncEnumerable<VideoFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Program is not { } program)
        {
            _metrics?.SourceFailure();
            _metrics?.SourceGivenUp();
            _logger.LogError("Camera {Camera}: cannot read {Source}: the ffmpeg program is not installed (Debian package ffmpeg)", _cameraId, Description);
            yield break;
        }

        long index = 0;
        var attempt = 0;
        var frameBytes = _size.Width * _size.Height * 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            attempt++;
            using var process = Start(program);
            var errors = new Queue<string>();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (errors)
                {
                    errors.Enqueue(e.Data);
                    if (errors.Count > 5) errors.Dequeue();
                }
            };
            process.BeginErrorReadLine();

            var buffer = new byte[frameBytes];
            var stdout = process.StandardOutput.BaseStream;
            // The finally stops ffmpeg also when the consumer stops enumerating in the middle of a stream.
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    bool complete;
                    try
                    {
                        await stdout.ReadExactlyAsync(buffer, cancellationToken);
                        complete = true;
                    }
                    catch (EndOfStreamException)
                    {
                        complete = false;
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    if (!complete) break;
                    attempt = 0;
                    var image = new Mat(_size.Height, _size.Width, MatType.CV_8UC3);
                    buffer.AsSpan().CopyTo(image.AsSpan<byte>());
                    yield return new VideoFrame(_cameraId, _clock.GetUtcNow(), index++, image);
                }
            }
            finally
            {
                Stop(process);
            }

            if (cancellationToken.IsCancellationRequested) yield break;
            string lastError;
            lock (errors) lastError = errors.Count > 0 ? errors.Last() : "no error output";
            if (!await BackOffAsync(Math.Max(attempt, 1), lastError, cancellationToken)) yield break;
        }
    }

    private Process Start(string program)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-loglevel", "error" }) start.ArgumentList.Add(argument);
        if (_url.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase))
        {
            // TCP survives the NAT and packet loss of city networks better than RTP over UDP.
            start.ArgumentList.Add("-rtsp_transport");
            start.ArgumentList.Add("tcp");
        }
        // Give up on a silent peer after 5 s instead of hanging (microseconds).
        foreach (var argument in new[] { "-rw_timeout", "5000000", "-i", _url, "-an", "-vf", $"scale={_size.Width}:{_size.Height}",
                     "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1" })
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill();
            // WaitForExit(timeout) does not wait for the asynchronous stderr reader; once the process is gone, the
            // parameterless call does, so ffmpeg's last error line is there for the log.
            if (process.WaitForExit(2000)) process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task<bool> BackOffAsync(int attempt, string lastError, CancellationToken cancellationToken)
    {
        _metrics?.SourceFailure();
        if (!_policy.MayRetry(attempt))
        {
            _metrics?.SourceGivenUp();
            _logger.LogError("Camera {Camera}: {Source} failed (try {Attempt}): {Error}; giving up", _cameraId, Description, attempt, lastError);
            return false;
        }
        var delay = _policy.DelayAfter(attempt);
        _logger.LogWarning("Camera {Camera}: {Source} failed (try {Attempt}): {Error}; retrying in {Delay} s",
            _cameraId, Description, attempt, lastError, delay.TotalSeconds);
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
}
