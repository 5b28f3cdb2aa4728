using CityTwin.Twin.Extensions;
using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Fire.Watch;
using CityTwin.Vision.Frames;
using CityTwin.Vision.Plates.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Size = OpenCvSharp.Size;

namespace CityTwin.Vision.Fire.Hosting;

/// <summary>
/// The host's smoke and fire watch: one loop per camera of <see cref="FireCamerasOptions.Cameras"/> that opens the
/// camera's frame source and hands sampled frames to that camera's <see cref="FireWatch"/>, whose confirmed events go
/// to the registered <see cref="IFireEventSink"/> (in the product: the camera-event ingest, which opens incidents).
/// A missing model stops only the fire watch, with one error line; a failing source is retried with the same camera
/// restart back-off as plate reading (<see cref="VisionCamerasOptions.RetryPolicy"/>); a file or folder read to its end
/// is done. One camera's failure never stops another.
/// </summary>
public sealed partial class FireVisionWorkers(
    IOptions<FireCamerasOptions> options,
    IOptions<VisionCamerasOptions> restarts,
    FireWatchFactory watches,
    TwinReadiness readiness,
    ILogger<FireVisionWorkers> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Events name cameras: wait until the twin (and the demo city, when it loads one) is there to know them.
        while (!readiness.IsReady && readiness.Failure is null)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var cameras = options.Value.Cameras
            .Where(c => !string.IsNullOrWhiteSpace(c.CameraId) && !string.IsNullOrWhiteSpace(c.Source)).ToList();
        if (cameras.Count < options.Value.Cameras.Count) LogInvalidCameras(options.Value.Cameras.Count - cameras.Count);
        if (cameras.Count == 0) return;
        LogStarting(cameras.Count);
        // Each camera on its own thread: the detector is synchronous CPU work.
        await Task.WhenAll(cameras.Select(c => Task.Run(() => RunCameraAsync(c.CameraId, c.Source, stoppingToken), CancellationToken.None)));
    }

    private async Task RunCameraAsync(string cameraId, string location, CancellationToken stoppingToken)
    {
        FireWatch watch;
        try
        {
            watch = watches.Create(cameraId);
        }
        catch (FireModelException e)
        {
            LogNoModel(cameraId, e.Message);
            return;
        }
        using (watch)
        {
            var live = FrameSources.IsLiveStream(location);
            for (var failures = 0; !stoppingToken.IsCancellationRequested;)
            {
                string problem;
                try
                {
                    var (frames, events) = await WatchSourceAsync(watch, cameraId, location, stoppingToken);
                    if (frames > 0 && !live)
                    {
                        LogSourceDone(cameraId, location, frames, events);
                        return;
                    }
                    if (frames > 0) failures = 0;
                    problem = frames == 0 ? "gave no frames" : "ended";
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    problem = $"failed: {e.Message}";
                }
                failures++;
                var delay = restarts.Value.RetryPolicy.DelayAfter(failures);
                LogRestart(cameraId, location, problem, failures, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<(long Frames, long Events)> WatchSourceAsync(FireWatch watch, string cameraId, string location, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var source = FrameSources.Open(location, cameraId, new Size(settings.StreamWidth, settings.StreamHeight), DateTimeOffset.UtcNow,
            ReconnectPolicy.Default, null, logger);
        long frames = 0, events = 0;
        DateTimeOffset? lastLooked = null;
        await foreach (var frame in source.ReadAsync(stoppingToken))
        {
            using (frame)
            {
                frames++;
                if (lastLooked is { } last && frame.Time - last < settings.SampleInterval) continue;
                lastLooked = frame.Time;
                // FireWatch logs and counts a corrupt frame itself and carries on.
                events += (await watch.ProcessAsync(frame.Image, frame.Time, stoppingToken)).Count;
            }
        }
        return (frames, events);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fire: watching {Count} camera(s) for smoke and fire")]
    private partial void LogStarting(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fire: {Count} camera entr(y/ies) need both CameraId and Source; ignored")]
    private partial void LogInvalidCameras(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fire: camera {CameraId} is not watched: {Reason}")]
    private partial void LogNoModel(string cameraId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fire: camera {CameraId}: {Source} read to its end ({Frames} frames, {Events} events raised)")]
    private partial void LogSourceDone(string cameraId, string source, long frames, long events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fire: camera {CameraId}: {Source} {Problem} (failure {Failures}); restarting in {Delay} s")]
    private partial void LogRestart(string cameraId, string source, string problem, int failures, double delay);
}
