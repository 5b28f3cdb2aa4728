using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Hosting;
using CityTwin.Vision.Traffic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Plates.Hosting;

/// <summary>The host's vision workers on their own: wiring from configuration, and one broken camera beside a good one.</summary>
public sealed class PlateVisionWorkersTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"citytwin-workers-{Guid.NewGuid():N}");

    [Fact]
    public void AddPlateVisionWorkers_NoCamerasConfigured_NoWorkerRegistered()
    {
        using var services = Build(new Dictionary<string, string?>(), new CollectingPlateReadIngest());

        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public void AddPlateVisionWorkers_CamerasConfigured_WorkerRegisteredWithTheBoundCameras()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["CityTwin:Vision:Cameras:0:CameraId"] = "cam-mct-05",
            ["CityTwin:Vision:Cameras:0:Source"] = "rtsp://127.0.0.1:8554/mct-05",
            ["CityTwin:Vision:Cameras:1:CameraId"] = "cam-mct-06",
            ["CityTwin:Vision:Cameras:1:Source"] = "/srv/frames/mct-06",
            ["CityTwin:Vision:RetryMaxDelay"] = "00:00:05",
        }, new CollectingPlateReadIngest());

        Assert.IsType<PlateVisionWorkers>(Assert.Single(services.GetServices<IHostedService>()));
        var options = services.GetRequiredService<IOptions<VisionCamerasOptions>>().Value;
        Assert.Equal(["cam-mct-05", "cam-mct-06"], options.Cameras.Select(c => c.CameraId));
        Assert.Equal("rtsp://127.0.0.1:8554/mct-05", options.Cameras[0].Source);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryPolicy.DelayAfter(10));
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.RetryPolicy.DelayAfter(1));
    }

    [SkippableFact]
    public async Task Workers_OneCameraMissingOneFolder_FolderReadWhileTheMissingOneKeepsRetrying()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var folder = Path.Combine(_root, "good");
        Directory.CreateDirectory(folder);
        var plate = PlateNumber.Parse("51G-246.80", PlateLayout.OneLine);
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 9, RandomConditions = false });
        traffic.AddVehicle(plate, ["rendered"], DateTimeOffset.UnixEpoch, TimeSpan.Zero);
        var written = 0;
        await foreach (var frame in traffic.ReadAsync())
            using (frame)
                Assert.True(Cv2.ImWrite(Path.Combine(folder, $"{written++:000}.jpg"), frame.Image));
        var ingest = new CollectingPlateReadIngest();
        using var services = Build(new Dictionary<string, string?>
        {
            ["CityTwin:Vision:Plates:Reader"] = "onnx",
            ["CityTwin:Vision:Plates:Ocr:ModelPath"] = model,
            // A folder's images are stamped one second apart: the voting window must span that gap for the pass to
            // stay one track (the 0.5 s default is for live sources sampled several times a second).
            ["CityTwin:Vision:Plates:TrackTimeout"] = "00:00:01.5",
            ["CityTwin:Vision:Cameras:0:CameraId"] = "cam-broken",
            ["CityTwin:Vision:Cameras:0:Source"] = Path.Combine(_root, "no-such-video.mp4"),
            ["CityTwin:Vision:Cameras:1:CameraId"] = "cam-good",
            ["CityTwin:Vision:Cameras:1:Source"] = folder,
            ["CityTwin:Vision:RetryInitialDelay"] = "00:00:00.05",
            ["CityTwin:Vision:RetryMaxDelay"] = "00:00:00.2",
        }, ingest);
        var worker = Assert.Single(services.GetServices<IHostedService>());
        var metrics = services.GetRequiredService<VisionMetrics>();

        await worker.StartAsync(CancellationToken.None);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
            if (ingest.Reads.Count > 0 && metrics.SourceFailures >= 3) break;
        await worker.StopAsync(CancellationToken.None);

        var read = Assert.Single(ingest.Reads);
        Assert.Equal(("cam-good", plate.CanonicalKey), (read.CameraId, PlateNumber.Parse(read.PlateText).CanonicalKey));
        Assert.True(metrics.SourceFailures >= 3, $"the missing camera was tried {metrics.SourceFailures} times");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, IPlateReadIngest ingest)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(ingest)
            .AddPlateVisionWorkers(configuration)
            .BuildServiceProvider();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
