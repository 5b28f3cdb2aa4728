using System.Diagnostics;
using CityTwin.Vision;
using CityTwin.Vision.Frames;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Detection;
using CityTwin.Vision.Plates.Reading;
using CityTwin.Vision.Traffic;
using OpenCvSharp;

namespace CityTwin.Bench.Plates;

/// <summary>
/// The vision side of plate reading on one thread: detect + rectify + OCR per frame at 720p and 1080p (synthetic
/// frames, each with one vehicle), and OCR alone in batches. One thread means the figures are per core.
/// </summary>
public static class PlatesBenchmark
{
    public static async Task<int> RunAsync(PlatesSettings settings)
    {
        // One thread for OpenCV too, so "per core" means per core.
        Cv2.SetNumThreads(1);
        var options = new PlateVisionOptions();
        IPlateReader reader;
        try
        {
            reader = PlateReaderFactory.Create(options, settings.Reader, threads: 1);
        }
        catch (PlateModelException e)
        {
            Console.Error.WriteLine($"plates: {e.Message}");
            return 1;
        }
        using (reader)
        using (var detector = new ClassicalPlateDetector())
        using (var metrics = new VisionMetrics())
        using (var pipeline = new PlatePipeline(detector, reader, options, metrics))
        {
            Console.WriteLine($"plates benchmark: reader {reader.Name}, detector {detector.Name}, {settings.Frames} frames per size, "
                + $"{Environment.ProcessorCount} cores visible, one thread used");
            foreach (var size in new[] { new Size(1280, 720), new Size(1920, 1080) })
                await MeasureFramesAsync(pipeline, settings, size);
            await MeasureOcrAsync(pipeline, reader, settings);
            await MeasureVotingAsync(pipeline, settings);
        }
        return 0;
    }

    private static async Task<List<VideoFrame>> RenderAsync(PlatesSettings settings, Size size)
    {
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = settings.Seed, FrameSize = size, EmptyFramesBefore = 0 });
        traffic.AddRandomVehicles((settings.Frames + 4) / 5, ["bench-cam"], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(10), TimeSpan.Zero);
        var frames = new List<VideoFrame>();
        await foreach (var frame in traffic.ReadAsync()) frames.Add(frame);
        return frames.Take(settings.Frames).ToList();
    }

    private static async Task MeasureFramesAsync(PlatePipeline pipeline, PlatesSettings settings, Size size)
    {
        var frames = await RenderAsync(settings, size);
        // Warm-up over every frame: JIT tiering and the first model runs are not what a camera feed costs.
        foreach (var frame in frames) Dispose(pipeline.ProcessFrame(frame.Image));

        var detectOnly = Stopwatch.StartNew();
        foreach (var frame in frames) pipeline.DetectOnly(frame.Image);
        detectOnly.Stop();

        var reads = 0;
        var clock = Stopwatch.StartNew();
        foreach (var frame in frames)
        {
            var found = pipeline.ProcessFrame(frame.Image);
            reads += found.Count(r => r.Plate is not null);
            Dispose(found);
        }
        clock.Stop();
        Console.WriteLine($"{size.Width}x{size.Height}: detect + OCR {frames.Count / clock.Elapsed.TotalSeconds:F1} frames/s per core "
            + $"({clock.Elapsed.TotalMilliseconds / frames.Count:F1} ms/frame; detection alone {detectOnly.Elapsed.TotalMilliseconds / frames.Count:F1} ms/frame); "
            + $"{reads} of {frames.Count} frames gave a grammar-valid plate");
        foreach (var frame in frames) frame.Dispose();
    }

    private static async Task MeasureOcrAsync(PlatePipeline pipeline, IPlateReader reader, PlatesSettings settings)
    {
        var frames = await RenderAsync(settings, new Size(1280, 720));
        var crops = new List<Mat>();
        foreach (var frame in frames)
        {
            foreach (var read in pipeline.ProcessFrame(frame.Image)) crops.Add(read.Crop);
            frame.Dispose();
        }
        if (crops.Count == 0)
        {
            Console.WriteLine("OCR: no crops found to time");
            return;
        }
        foreach (var batch in new[] { 1, settings.Batch })
        {
            reader.Read(crops.Take(batch).ToList());
            var clock = Stopwatch.StartNew();
            var done = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(3))
            {
                for (var i = 0; i < crops.Count; i += batch)
                {
                    var chunk = crops.Skip(i).Take(batch).ToList();
                    reader.Read(chunk);
                    done += chunk.Count;
                }
            }
            clock.Stop();
            Console.WriteLine($"OCR ({reader.Name}), batch {batch}: {done / clock.Elapsed.TotalSeconds:F0} crops/s per core ({crops.Count} distinct crops)");
        }
        foreach (var crop in crops) crop.Dispose();
    }

    /// <summary>Accuracy, not speed: how many synthetic passes come out of the whole pipeline (voting included) exactly right.</summary>
    private static async Task MeasureVotingAsync(PlatePipeline pipeline, PlatesSettings settings)
    {
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = settings.Seed });
        traffic.AddRandomVehicles(30, ["cam-a", "cam-b"], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4));
        var ingest = new CollectingIngest();
        var clock = Stopwatch.StartNew();
        var summary = await pipeline.RunAsync(traffic, ingest);
        var truth = traffic.Truth;
        var exact = truth.Count(pass => ingest.Reads.Any(r => r.CameraId == pass.CameraId && r.SeenAt >= pass.Start && r.SeenAt <= pass.End
            && Twin.Plates.PlateNumber.TryParse(r.PlateText, out var plate, out _) && plate.CanonicalKey == pass.Plate.CanonicalKey));
        var wrong = ingest.Reads.Count(r => !truth.Any(p => p.CameraId == r.CameraId && r.SeenAt >= p.Start && r.SeenAt <= p.End
            && Twin.Plates.PlateNumber.Parse(r.PlateText).CanonicalKey == p.Plate.CanonicalKey));
        Console.WriteLine($"pipeline on 640x360 synthetic traffic (seed {settings.Seed}): {exact} of {truth.Count} passes read exactly after voting "
            + $"({exact * 100.0 / truth.Count:F1}%), {wrong} wrong reads sent, {summary.Frames} frames of which {summary.Processed} passed the motion gate, "
            + $"{clock.Elapsed.TotalSeconds:F1} s including rendering");
    }

    private static void Dispose(IReadOnlyList<PlateFrameRead> reads)
    {
        foreach (var read in reads) read.Dispose();
    }
}
