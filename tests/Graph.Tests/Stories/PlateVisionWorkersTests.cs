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
    [Fact]
    public async Task ConfiguredFolderCamera_FramesOfAWatchedPlateAppear_SightingAndAlertInTheTwin()
    {
        if (host.OcrModel is null)
        {
            output.WriteLine($"{SharedData.Missing}: models/fast-plate-ocr/cct_xs_v1_global.onnx");
            return;
        }
        var watched = PlateNumber.Parse("59-X8 864.20", PlateLayout.TwoLine);
        await host.ReportStolenAsync(watched.Display, StoryHost.SixInTheMorning(DateTimeOffset.UtcNow));
        await using var alerts = await AlertInbox.OpenAsync(host.WebSocketUrl, StoryHost.OperatorKey);

        // Render one pass to PNG files, then move the whole folder into place at once: the worker never sees half of it.
        var staging = host.VisionFolder + ".staging";
        Directory.CreateDirectory(staging);
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 5 });
        traffic.AddVehicle(watched, ["rendered"], DateTimeOffset.UnixEpoch, TimeSpan.Zero);
        var written = 0;
        await foreach (var frame in traffic.ReadAsync())
            using (frame)
                Assert.True(Cv2.ImWrite(Path.Combine(staging, $"frame-{written++:000}.png"), frame.Image));
        Directory.Move(staging, host.VisionFolder);

        var hit = await alerts.WaitAsync(a => a.GetProperty("plate").GetString() == watched.Display);
        Assert.Equal(StoryHost.VisionCameraId, hit.GetProperty("cameraId").GetString());
        Assert.True(hit.GetProperty("first").GetBoolean());
        var vehicle = (await host.GraphQLAsync("query($plate: String!) { vehicle(plate: $plate) { sightings { nodes { cameraId } } } }",
            new { plate = watched.Display })).GetProperty("vehicle");
        Assert.Contains(vehicle.GetProperty("sightings").GetProperty("nodes").EnumerateArray(),
            s => s.GetProperty("cameraId").GetString() == StoryHost.VisionCameraId);
    }
}
