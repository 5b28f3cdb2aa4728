using System.Diagnostics;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Baseline;
using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Bench.Fire;

/// <summary>
/// <c>fire-detector</c>: frames per second per core of the trained smoke/fire model and of the colour-rule baseline
/// on 1080p frames. Each detector runs single-threaded, so frames per CPU-second is the rate one core gives; wall
/// time is printed too (it includes waiting for the CPU on a shared machine).
/// </summary>
public static class FireDetectorBenchmark
{
    public static Task<int> RunAsync(FireDetectorSettings settings)
    {
        using var frame = Frame(settings);
        Console.WriteLine($"fire-detector: {settings.Frames} frames of {frame.Width}x{frame.Height}, {Environment.ProcessorCount} cores");
        using (var own = new OnnxSmokeFireDetector(OnnxSmokeFireDetector.DefaultHeadPath, FireBackbone.DefaultPath, intraOpThreads: 1))
            Time("own", own, frame, settings.Frames);
        using (var baseline = new ColourRuleSmokeFireDetector(useMotion: true))
            Time("baseline", baseline, frame, settings.Frames);
        return Task.FromResult(0);
    }

    private static void Time(string name, ISmokeFireDetector detector, Mat frame, int frames)
    {
        detector.Detect(frame);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++) detector.Detect(frame);
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{name}: {frames / cpu:0.00} frames/s per core ({cpu / frames * 1000:0} ms CPU per frame), {frames / wall.Elapsed.TotalSeconds:0.00} frames/s wall");
    }

    private static Mat Frame(FireDetectorSettings settings)
    {
        var path = settings.Image ?? DefaultImage();
        using var source = path is not null ? Cv2.ImRead(path) : Synthetic();
        var frame = new Mat();
        Cv2.Resize(source, frame, new Size(settings.Width, settings.Height), 0, 0, InterpolationFlags.Linear);
        return frame;
    }

    private static string? DefaultImage()
    {
        var shared = Environment.GetEnvironmentVariable("CITYTWIN_SHARED") ?? Path.Combine("..", "shared");
        var images = Path.Combine(shared, "data", "fire", "roboflow_fire-wrpgm_v8", "valid", "images");
        return Directory.Exists(images) ? Directory.EnumerateFiles(images, "*.jpg").Order().FirstOrDefault() : null;
    }

    private static Mat Synthetic()
    {
        var scene = new Mat(540, 960, MatType.CV_8UC3, new Scalar(200, 170, 140));
        Cv2.Rectangle(scene, new Rect(0, 360, 960, 180), new Scalar(70, 80, 90), -1);
        Cv2.Circle(scene, new Point(480, 300), 80, new Scalar(190, 190, 190), -1);
        return scene;
    }
}
