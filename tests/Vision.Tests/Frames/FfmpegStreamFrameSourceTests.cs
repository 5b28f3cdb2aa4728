using CityTwin.Testing;
using CityTwin.Vision.Frames;
using OpenCvSharp;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Frames;

/// <summary>Network streams through the real ffmpeg program: an HTTP stream served by the test, a dead RTSP port.</summary>
public sealed class FfmpegStreamFrameSourceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("citytwin-stream-").FullName;

    [SkippableFact]
    public async Task ReadAsync_HttpStreamThatEnds_ReadsItsFramesThenGivesUpAfterTheLastRetry()
    {
        if (FfmpegStreamFrameSource.Program is null) throw new SkipException("skipped: the ffmpeg program is not installed");
        var path = Path.Combine(_folder, "served.avi");
        using (var writer = new VideoWriter(path, FourCC.MJPG, 10, new Size(160, 120)))
        {
            for (var i = 0; i < 6; i++)
            {
                using var frame = new Mat(120, 160, MatType.CV_8UC3, new Scalar(40 * i, 80, 120));
                writer.Write(frame);
            }
        }
        var port = FreePort.Next();
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var bytes = await File.ReadAllBytesAsync(path);
        var serving = Task.Run(async () =>
        {
            // Serve the file to every request until the test ends (FFmpeg may probe more than once).
            while (listener.IsListening)
            {
                System.Net.HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (System.Net.HttpListenerException) { return; }
                catch (ObjectDisposedException) { return; }
                context.Response.ContentType = "video/x-msvideo";
                context.Response.ContentLength64 = bytes.Length;
                try { await context.Response.OutputStream.WriteAsync(bytes); } catch (System.Net.HttpListenerException) { }
                context.Response.Close();
            }
        });
        using var metrics = new VisionMetrics();
        var source = FrameSources.Open($"http://127.0.0.1:{port}/cam.avi", "cam-http", new Size(160, 120), Start,
            new ReconnectPolicy(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), MaxAttempts: 1), metrics);

        var frames = await Collect(source);

        listener.Stop();
        await serving;
        Assert.IsType<FfmpegStreamFrameSource>(source);
        Assert.Equal(6, frames.Count);
        Assert.All(frames, f => Assert.Equal(new Size(160, 120), f.Image.Size()));
        // The fourth frame was drawn with blue 120 (BGR 120, 80, 120): MJPG and the raw pipe keep it within a few levels.
        Assert.InRange(frames[3].Image.At<Vec3b>(60, 80).Item0, 110, 130);
        Assert.Equal(1, metrics.SourcesGivenUp);
        foreach (var frame in frames) frame.Dispose();
    }

    [SkippableFact]
    public async Task ReadAsync_DeadRtspUrl_RetriesWithBackOffLoggingFfmpegsErrorThenGivesUp()
    {
        if (FfmpegStreamFrameSource.Program is null) throw new SkipException("skipped: the ffmpeg program is not installed");
        using var metrics = new VisionMetrics();
        var logger = new ListLogger();
        var source = new FfmpegStreamFrameSource($"rtsp://127.0.0.1:{FreePort.Next()}/live", "cam-dead", new Size(320, 240),
            new ReconnectPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), MaxAttempts: 2), metrics: metrics, logger: logger);

        var frames = await Collect(source);

        output.WriteLine(string.Join("\n", logger.Lines));
        Assert.Empty(frames);
        Assert.Equal(2, metrics.SourceFailures);
        Assert.Equal(1, metrics.SourcesGivenUp);
        Assert.Contains(logger.Lines, l => l.StartsWith("Warning:") && l.Contains("cam-dead") && l.Contains("Connection refused") && l.Contains("retrying in 0.02 s"));
        Assert.Contains(logger.Lines, l => l.StartsWith("Error:") && l.Contains("giving up"));
    }

    private static async Task<List<VideoFrame>> Collect(IFrameSource source)
    {
        var frames = new List<VideoFrame>();
        await foreach (var frame in source.ReadAsync(Plates.VisionTestModels.Timeout())) frames.Add(frame);
        return frames;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
