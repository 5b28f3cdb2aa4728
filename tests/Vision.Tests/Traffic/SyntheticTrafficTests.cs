using CityTwin.Twin.Demo;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Frames;
using CityTwin.Vision.Traffic;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Traffic;

/// <summary>Synthetic traffic: valid plates, deterministic pixels, frames in time order along the route.</summary>
public sealed class SyntheticTrafficTests
{
    private static readonly DateTimeOffset Six = new(2026, 11, 26, 6, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task ReadAsync_SameSeedTwice_SamePixels()
    {
        var first = await Hashes(Build(21));
        var second = await Hashes(Build(21));
        var other = await Hashes(Build(22));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void AddRandomVehicles_ManyPlates_AllValidWithLayoutsMatchingTheVehicle()
    {
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 3 });

        traffic.AddRandomVehicles(200, ["cam-a"], Six, TimeSpan.FromSeconds(10), TimeSpan.Zero);

        Assert.All(traffic.Truth, pass =>
        {
            var reparsed = PlateNumber.Parse(pass.Plate.Display);
            Assert.Equal(pass.Plate.CanonicalKey, reparsed.CanonicalKey);
            Assert.Equal(pass.Kind == VehicleKind.Car ? PlateLayout.OneLine : PlateLayout.TwoLine, pass.Plate.Layout);
        });
        Assert.Contains(traffic.Truth, p => p.Kind == VehicleKind.Car);
        Assert.Contains(traffic.Truth, p => p.Kind == VehicleKind.Motorbike);
        Assert.Contains(traffic.Truth, p => p.Conditions.Night);
        Assert.Contains(traffic.Truth, p => !p.Conditions.Night);
        Assert.Contains(traffic.Truth, p => p.Plate.Number.Length == 4);
    }

    [Fact]
    public async Task ReadAsync_VehicleAlongThreeCameras_FramesInTimeOrderPerCameraWindow()
    {
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 1, FramesPerPass = 4, EmptyFramesBefore = 1 });
        var passes = traffic.AddVehicle(PlateNumber.Parse("59-X1 123.45"), ["c1", "c2", "c3"], Six, TimeSpan.FromSeconds(20));

        var frames = new List<(string Camera, DateTimeOffset Time, Size Size)>();
        await foreach (var frame in traffic.ReadAsync())
            using (frame) frames.Add((frame.CameraId, frame.Time, frame.Image.Size()));

        Assert.Equal(15, frames.Count);
        Assert.Equal(frames.OrderBy(f => f.Time).Select(f => f.Time), frames.Select(f => f.Time));
        Assert.Equal(["c1", "c2", "c3"], frames.Select(f => f.Camera).Distinct());
        Assert.Equal(Six.AddSeconds(40), passes[2].Start);
        Assert.All(passes, p => Assert.Equal(VehicleKind.Motorbike, p.Kind));
        Assert.All(frames, f => Assert.Equal(new Size(640, 360), f.Size));
    }

    [Fact]
    public void NearestNeighbourWalk_DemoCity_DistinctCamerasEachTheNearestUnvisited()
    {
        var cameras = DemoCity.Load().Cameras;

        var route = CameraRoutes.NearestNeighbourWalk(cameras, cameras[0].Id, 5);

        Assert.Equal(5, route.Distinct().Count());
        Assert.Equal(cameras[0].Id, route[0]);
        var byId = cameras.ToDictionary(c => c.Id);
        for (var i = 1; i < route.Count; i++)
        {
            var here = byId[route[i - 1]];
            var step = Distance(here, byId[route[i]]);
            Assert.All(cameras.Where(c => !route.Take(i + 1).Contains(c.Id)), c => Assert.True(Distance(here, c) >= step - 1e-12));
        }
    }

    [Fact]
    public void NearestNeighbourWalk_UnknownStart_Refused()
    {
        Assert.Throws<ArgumentException>(() => CameraRoutes.NearestNeighbourWalk(DemoCity.Load().Cameras, "cam-nowhere", 3));
    }

    private static double Distance(DemoCamera a, DemoCamera b)
    {
        var dx = (a.Lon - b.Lon) * Math.Cos(a.Lat * Math.PI / 180);
        var dy = a.Lat - b.Lat;
        return dx * dx + dy * dy;
    }

    private static SyntheticTraffic Build(int seed)
    {
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = seed, FramesPerPass = 2, EmptyFramesBefore = 0 });
        traffic.AddRandomVehicles(2, ["cam-a"], Six, TimeSpan.FromSeconds(10), TimeSpan.Zero);
        return traffic;
    }

    private static async Task<List<string>> Hashes(IFrameSource source)
    {
        var hashes = new List<string>();
        await foreach (var frame in source.ReadAsync())
            using (frame) hashes.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(frame.Image.AsSpan<byte>())));
        return hashes;
    }
}
