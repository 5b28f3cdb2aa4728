using CityTwin.Testing;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Traffic;
using OpenCvSharp;
using Xunit.Abstractions;

namespace CityTwin.Graph.Tests.Stories;

/// <summary>
/// The host's vision worker for a camera configured under <c>CityTwin:Vision:Cameras</c>: its image folder is missing
/// at start (the worker keeps retrying), then frames of a watched motorbike appear and the twin records the sighting
/// and raises the alert.
/// </summary>
[Collection(StoryCollection.Name)]
public sealed class PlateVisionWorkersTests(StoryHost host, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ConfiguredFolderCamera_FramesOfAWatchedPlateAppear_SightingAndAlertInTheTwin()
    {
        if (host.OcrModel is null)
            throw new SkipException($"{SharedData.Missing}: models/fast-plate-ocr/cct_xs_v1_global.onnx");
        var watched = PlateNumber.Parse("59-X8 864.20", PlateLayout.TwoLine);
        await host.ReportStolenAsync(watched.Display, StoryHost.SixInTheMorning(DateTimeOffset.UtcNow));
        await using var alerts = await AlertInbox.OpenAsync(host.WebSocketUrl, StoryHost.OperatorKey);

        // Render one pass to PNG files, then move the whole folder into place at once: the worker never sees half of it.
        var staging = host.VisionFolder + ".staging";
        Directory.CreateDirectory(staging);
        // A clear daytime pass: this test is about the worker's wiring; reading under night, glare and blur is the
        // story's and the pipeline tests' business (seed 5 with random conditions reads 59-X8 8642, a dropped digit).
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 5, RandomConditions = false });
        traffic.AddVehicle(watched, ["rendered"], DateTimeOffset.UnixEpoch, TimeSpan.Zero);
        var written = 0;
        await foreach (var frame in traffic.ReadAsync())
            using (frame)
                Assert.True(Cv2.ImWrite(Path.Combine(staging, $"frame-{written++:000}.png"), frame.Image));
        Directory.Move(staging, host.VisionFolder);

        // The sighting reaches the sightings table (group-committed), whatever was read.
        string? stored = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); stored is null && DateTime.UtcNow < deadline; await Task.Delay(200))
            stored = await host.Database.ScalarAsync(
                $"SELECT string_agg(plate_text, ',') FROM sightings WHERE camera_id = '{StoryHost.VisionCameraId}'") as string;
        output.WriteLine($"sightings stored at {StoryHost.VisionCameraId}: {stored}");
        Assert.Equal(watched.Display, stored);
        var hit = await alerts.WaitAsync(a => a.GetProperty("watchedPlate").GetString() == watched.CanonicalKey);
        output.WriteLine($"alert: {hit}");
        Assert.Equal((watched.Display, StoryHost.VisionCameraId), (hit.GetProperty("plate").GetString(), hit.GetProperty("cameraId").GetString()));
        Assert.True(hit.GetProperty("first").GetBoolean());
        var vehicle = (await host.GraphQLAsync("query($plate: String!) { vehicle(plate: $plate) { sightings { nodes { cameraId } } } }",
            new { plate = watched.Display })).GetProperty("vehicle");
        Assert.Contains(vehicle.GetProperty("sightings").GetProperty("nodes").EnumerateArray(),
            s => s.GetProperty("cameraId").GetString() == StoryHost.VisionCameraId);
    }
}
