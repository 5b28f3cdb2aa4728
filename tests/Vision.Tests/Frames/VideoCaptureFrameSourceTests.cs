using System.Diagnostics;
using CityTwin.Testing;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Frames;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Tests.Plates;
using CityTwin.Vision.Traffic;
using OpenCvSharp;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Frames;

/// <summary>Video files written by OpenCV and dead RTSP streams, through OpenCV's FFmpeg backend.</summary>
public sealed class VideoCaptureFrameSourceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("citytwin-video-").FullName;

    [Fact]
    public async Task ReadAsync_MjpgAviWrittenByVideoWriter_YieldsEveryFrameWithFileTimes()
    {
        var path = Path.Combine(_folder, "street.avi");
        using (var writer = new VideoWriter(path, FourCC.MJPG, 10, new Size(320, 240)))
        {
            Assert.True(writer.IsOpened());
            for (var i = 0; i < 8; i++)
            {
                using var frame = new Mat(240, 320, MatType.CV_8UC3, new Scalar(i * 30, 100, 200 - i * 20));
                writer.Write(frame);
            }
        }
        var source = new VideoCaptureFrameSource(path, "cam-file", fileStart: Start);

        var frames = await Collect(source);

        Assert.False(source.IsLive);
        Assert.Equal(8, frames.Count);
        Assert.All(frames, f => Assert.Equal("cam-file", f.CameraId));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), frames.Select(f => f.Index));
        // 10 fps: frames 100 ms apart on the file's own clock.
        Assert.Equal(Start + TimeSpan.FromMilliseconds(700), frames[^1].Time);
        Assert.Equal(new Size(320, 240), frames[3].Image.Size());
        Assert.InRange(frames[3].Image.At<Vec3b>(10, 10).Item0, 80, 100);
        foreach (var frame in frames) frame.Dispose();
    }

    [Fact]
    public async Task ReadAsync_DeadRtspUrl_RetriesWithBackOffThenGivesUpCounted()
    {
        var url = $"rtsp://127.0.0.1:{FreePort.Next()}/live";
        using var metrics = new VisionMetrics();
        var logger = new ListLogger();
        var source = new VideoCaptureFrameSource(url, "cam-dead",
            new ReconnectPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), MaxAttempts: 3), metrics: metrics, logger: logger);
        var clock = Stopwatch.StartNew();

        var frames = await Collect(source);

        output.WriteLine(string.Join("\n", logger.Lines));
        Assert.True(source.IsLive);
        Assert.Empty(frames);
        Assert.Equal(3, metrics.SourceFailures);
        Assert.Equal(1, metrics.SourcesGivenUp);
        Assert.Contains(logger.Lines, l => l.Contains("cam-dead") && l.Contains("retrying in 0.02 s"));
        Assert.Contains(logger.Lines, l => l.Contains("retrying in 0.04 s"));
        Assert.Contains(logger.Lines, l => l.Contains("giving up"));
        output.WriteLine($"gave up after {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task ReadAsync_MissingFile_EndsWithoutFramesAndGivesUp()
    {
        using var metrics = new VisionMetrics();
        var source = new VideoCaptureFrameSource(Path.Combine(_folder, "missing.mp4"), "cam-x", metrics: metrics);

        Assert.Empty(await Collect(source));
        Assert.Equal(1, metrics.SourcesGivenUp);
    }

    [Fact]
    public async Task ReadAsync_FileThatIsNoVideo_EndsWithoutFramesOrCrash()
    {
        var path = Path.Combine(_folder, "noise.avi");
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray());
        using var metrics = new VisionMetrics();

        Assert.Empty(await Collect(new VideoCaptureFrameSource(path, "cam-x", metrics: metrics)));
        Assert.True(metrics.SourceFailures >= 1);
    }

    [SkippableFact]
    public async Task PlatePipeline_SyntheticPassRecordedToAvi_ReadsThePlateFromTheVideo()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var plate = PlateNumber.Parse("61A-246.80");
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 9, RandomConditions = false });
        traffic.AddVehicle(plate, ["cam-video"], Start, TimeSpan.Zero);
        var path = Path.Combine(_folder, "pass.avi");
        using (var writer = new VideoWriter(path, FourCC.MJPG, 5, new Size(640, 360)))
        {
            await foreach (var frame in traffic.ReadAsync())
                using (frame) writer.Write(frame.Image);
        }
        using var metrics = new VisionMetrics();
        using var pipeline = PlatePipeline.Create(VisionTestModels.Options(model), metrics);
        var ingest = new CollectingPlateReadIngest();

        await pipeline.RunAsync(new VideoCaptureFrameSource(path, "cam-video", fileStart: Start), ingest, VisionTestModels.Timeout());

        var read = Assert.Single(ingest.Reads);
        Assert.Equal("cam-video", read.CameraId);
        Assert.Equal(plate.CanonicalKey, PlateNumber.Parse(read.PlateText).CanonicalKey);
    }

    [Fact]
    public void ReconnectPolicy_DelayAfter_DoublesUpToTheCap()
    {
        var policy = new ReconnectPolicy(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3), 5);

        Assert.Equal([0.5, 1, 2, 3, 3], Enumerable.Range(1, 5).Select(a => policy.DelayAfter(a).TotalSeconds));
        Assert.True(policy.MayRetry(4));
        Assert.False(policy.MayRetry(5));
        Assert.True(ReconnectPolicy.Default.MayRetry(10_000));
    }

    private static async Task<List<VideoFrame>> Collect(IFrameSource source)
    {
        var frames = new List<VideoFrame>();
        await foreach (var frame in source.ReadAsync(VisionTestModels.Timeout())) frames.Add(frame);
        return frames;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
