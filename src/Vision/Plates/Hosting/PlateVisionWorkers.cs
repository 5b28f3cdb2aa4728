using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Vision.Frames;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Size = OpenCvSharp.Size;

namespace CityTwin.Vision.Plates.Hosting;

/// <summary>
/// The host's vision workers: one loop per camera of <see cref="VisionCamerasOptions.Cameras"/> that opens the
/// camera's frame source and runs <see cref="PlatePipeline"/> into <see cref="IPlateReadIngest"/>. A camera whose
/// pipeline cannot be built, whose source throws or gives no frames, or whose live stream ends is restarted with
/// back-off; a file or folder read to its end is done. One camera's failure never stops another.
/// </summary>
public sealed partial class PlateVisionWorkers(
    IOptions<VisionCamerasOptions> cameras,
    IOptions<PlateVisionOptions> plates,
    IPlateReadIngest ingest,
    VisionMetrics metrics,
    ILogger<PlateVisionWorkers> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = cameras.Value;
        var valid = options.Cameras.Where(c => IsValid(c)).ToList();
        if (valid.Count == 0) return Task.CompletedTask;
        LogStarting(valid.Count);
        // Each camera on its own thread: detection and OCR are synchronous CPU work inside the pipeline.
        return Task.WhenAll(valid.Select(c => Task.Run(() => RunCameraAsync(c, options, stoppingToken), CancellationToken.None)));
    }

    private bool IsValid(VisionCamera camera)
    {
        if (!string.IsNullOrWhiteSpace(camera.CameraId) && !string.IsNullOrWhiteSpace(camera.Source)) return true;
        LogInvalidCamera(camera.CameraId, camera.Source);
        return false;
    }

    private async Task RunCameraAsync(VisionCamera camera, VisionCamerasOptions options, CancellationToken stoppingToken)
    {
        var policy = options.RetryPolicy;
        var live = FrameSources.IsLiveStream(camera.Source);
        PlatePipeline? pipeline = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                string problem;
                try
                {
                    pipeline ??= PlatePipeline.Create(plates.Value, metrics, logger);
                    var source = FrameSources.Open(camera.Source, camera.CameraId, new Size(options.StreamWidth, options.StreamHeight),
                        DateTimeOffset.UtcNow, ReconnectPolicy.Default, metrics, logger);
                    var summary = await pipeline.RunAsync(source, ingest, stoppingToken);
                    if (summary.Frames > 0 && !live)
                    {
                        LogSourceDone(camera.CameraId, camera.Source, summary.Frames, summary.ReadsSent);
                        return;
                    }
                    // A live stream that delivered frames and then ended starts again from the shortest wait.
                    if (summary.Frames > 0) failures = 0;
                    problem = summary.Frames == 0 ? "gave no frames" : "ended";
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
                metrics.SourceFailure();
                var delay = policy.DelayAfter(failures);
                LogRestart(camera.CameraId, camera.Source, problem, failures, delay.TotalSeconds);
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
        finally
        {
            pipeline?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vision: reading plates from {Count} configured camera(s)")]
    private partial void LogStarting(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Vision: a camera entry needs both CameraId and Source (got '{CameraId}', '{Source}'); it is ignored")]
    private partial void LogInvalidCamera(string? cameraId, string? source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vision: camera {CameraId}: {Source} read to its end ({Frames} frames, {Reads} reads sent)")]
    private partial void LogSourceDone(string cameraId, string source, long frames, long reads);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vision: camera {CameraId}: {Source} {Problem} (failure {Failures}); restarting in {Delay} s")]
    private partial void LogRestart(string cameraId, string source, string problem, int failures, double delay);
}
