using CityTwin.Twin.Demo;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Frames;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Traffic;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>The whole pipeline on rendered pixels: synthetic traffic in, voted plate reads out.</summary>
public sealed class PlatePipelineTests
{
    private static readonly DateTimeOffset Six = new(2026, 11, 26, 6, 0, 0, TimeSpan.FromHours(7));

    [SkippableFact]
    public async Task RunAsync_SeededRandomTraffic_MostPassesReadExactly()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 11 });
        traffic.AddRandomVehicles(6, ["cam-a", "cam-b"], Six, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4));
        using var metrics = new VisionMetrics();
        using var pipeline = PlatePipeline.Create(VisionTestModels.Options(model), metrics);
        var ingest = new CollectingPlateReadIngest();

        var summary = await pipeline.RunAsync(traffic, ingest, VisionTestModels.Timeout());

        var reads = ingest.Reads;
        var exact = traffic.Truth.Count(pass => reads.Any(r => r.CameraId == pass.CameraId
            && r.SeenAt >= pass.Start && r.SeenAt <= pass.End
            && PlateNumber.Parse(r.PlateText).CanonicalKey == pass.Plate.CanonicalKey));
        // 12 passes with night, glare, blur and noise; voting over 5 frames reads nearly all of them.
        Assert.True(exact >= 10, $"{exact} of {traffic.Truth.Count} passes read exactly; reads: {string.Join(", ", reads.Select(r => r.PlateText))}");
        Assert.Equal(reads.Count, reads.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.All(reads, r => Assert.InRange(r.Confidence, 0f, 1f));
        Assert.All(reads, r => Assert.False(Cv2.ImDecode(r.CropJpeg!, ImreadModes.Color).Empty()));
        Assert.Equal(summary.ReadsSent, metrics.ReadsIngested);
        // Every pass opens with empty-road frames; all but the first of each pair are static and skipped.
        Assert.True(metrics.FramesStatic >= traffic.Truth.Count / 2, $"static frames skipped: {metrics.FramesStatic}");
    }

    [SkippableFact]
    public async Task RunAsync_StolenMotorbikePastThreeDemoCameras_EveryCameraReadsThePlateInTimeOrder()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var city = DemoCity.Load();
        var route = CameraRoutes.NearestNeighbourWalk(city.Cameras, city.Cameras[0].Id, 3);
        var stolen = PlateNumber.Parse("59-X1 123.45");
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 4 });
        traffic.AddVehicle(stolen, route, Six, TimeSpan.FromSeconds(30));
        using var metrics = new VisionMetrics();
        using var pipeline = PlatePipeline.Create(VisionTestModels.Options(model), metrics);
        var ingest = new CollectingPlateReadIngest();

        await pipeline.RunAsync(traffic, ingest, VisionTestModels.Timeout());

        var reads = ingest.Reads;
        Assert.Equal(route, reads.Select(r => r.CameraId));
        Assert.All(reads, r => Assert.Equal(stolen.CanonicalKey, PlateNumber.Parse(r.PlateText).CanonicalKey));
        Assert.All(reads, r => Assert.Equal(PlateLayout.TwoLine, PlateNumber.Parse(r.PlateText).Layout));
        Assert.Equal(reads.OrderBy(r => r.SeenAt).Select(r => r.CameraId), reads.Select(r => r.CameraId));
    }

    [SkippableFact]
    public async Task RunAsync_CorruptAndEmptyFrames_CountedSkippedAndThePlateStillRead()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 3, RandomConditions = false });
        var plate = PlateNumber.Parse("51G-123.45");
        traffic.AddVehicle(plate, ["cam-x"], Six, TimeSpan.Zero);
        var source = new PrefixedSource(traffic,
            new VideoFrame("cam-x", Six.AddSeconds(-5), 0, new Mat()),
            new VideoFrame("cam-x", Six.AddSeconds(-4), 1, new Mat(360, 640, MatType.CV_8UC1, Scalar.All(7))),
            new VideoFrame("cam-x", Six.AddSeconds(-3), 2, Cv2.ImDecode(new byte[] { 0xFF, 0xD8, 0xFF, 0x00, 0x13 }, ImreadModes.Color) ?? new Mat()));
        using var metrics = new VisionMetrics();
        using var pipeline = PlatePipeline.Create(VisionTestModels.Options(model), metrics);
        var ingest = new CollectingPlateReadIngest();

        await pipeline.RunAsync(source, ingest, VisionTestModels.Timeout());

        Assert.Equal(3, metrics.FramesCorrupt);
        var read = Assert.Single(ingest.Reads);
        Assert.Equal(plate.CanonicalKey, PlateNumber.Parse(read.PlateText).CanonicalKey);
    }

    [SkippableFact]
    public async Task RunAsync_IngestRefusesBatches_CountedAndPipelineFinishes()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 5, RandomConditions = false });
        traffic.AddVehicle(PlateNumber.Parse("30A-543.21"), ["cam-1", "cam-2"], Six, TimeSpan.FromSeconds(5));
        using var metrics = new VisionMetrics();
        using var pipeline = PlatePipeline.Create(VisionTestModels.Options(model), metrics);
        var ingest = new CollectingPlateReadIngest(refuse: true);

        var summary = await pipeline.RunAsync(traffic, ingest, VisionTestModels.Timeout());

        Assert.Equal(0, summary.ReadsSent);
        Assert.Equal(2, metrics.IngestFailures);
        Assert.Equal(2, ingest.Reads.Count);
    }

    [SkippableFact]
    public async Task RunAsync_SourceThatThrows_LoggedCountedAndVotesWhatItHad()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 6, RandomConditions = false });
        traffic.AddVehicle(PlateNumber.Parse("29-B1 678.90"), ["cam-1"], Six, TimeSpan.Zero);
        using var metrics = new VisionMetrics();
        using var pipeline = PlatePipeline.Create(VisionTestModels.Options(model), metrics);
        var ingest = new CollectingPlateReadIngest();

        await pipeline.RunAsync(new ThrowingSource(traffic), ingest, VisionTestModels.Timeout());

        Assert.Equal(1, metrics.SourceFailures);
        Assert.Equal("29B167890", PlateNumber.Parse(Assert.Single(ingest.Reads).PlateText).CanonicalKey);
    }

    /// <summary>Some hand-made frames, then another source.</summary>
    private sealed class PrefixedSource(IFrameSource rest, params VideoFrame[] first) : IFrameSource
    {
        public string Description => "prefixed " + rest.Description;

        public async IAsyncEnumerable<VideoFrame> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var frame in first) yield return frame;
            await foreach (var frame in rest.ReadAsync(cancellationToken)) yield return frame;
        }
    }

    /// <summary>A source whose stream breaks with an I/O error after its frames, as a dying network share would.</summary>
    private sealed class ThrowingSource(IFrameSource inner) : IFrameSource
    {
        public string Description => "failing " + inner.Description;

        public async IAsyncEnumerable<VideoFrame> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var frame in inner.ReadAsync(cancellationToken)) yield return frame;
            throw new IOException("the share went away");
        }
    }
}
