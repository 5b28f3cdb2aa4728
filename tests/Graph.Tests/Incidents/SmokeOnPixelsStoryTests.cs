using System.Text.Json;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Xunit.Abstractions;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// The Tân Thuận Đông story on pixels, through the product's start-up wiring: the host reads the tower cameras'
/// frames (<c>CityTwin:Fire:Cameras</c>), the project's own detector confirms the smoke over several frames, and the
/// camera-event ingest opens a located incident whose polygon holds where the smoke rises. Towers that see only clouds
/// or fog under the same masked sky open nothing.
/// </summary>
[Collection(Fire.FireMeterCollection.Name)]
public sealed class SmokeOnPixelsStoryTests(FireWatchHost host, ITestOutputHelper output) : IClassFixture<FireWatchHost>
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [SkippableFact]
    public async Task TowerFrames_SmokeConfirmedOnPixels_OneLocatedIncidentHoldsTheSmoke()
    {
        Skip.If(host.SmokeBase is null, "skipped: the shared fire dataset (valid/) is not present");
        await WaitUntilReadAsync(FireWatchHost.SmokeTower);

        var incidents = (await host.GraphQLAsync("""
            { incidents(kinds: [SMOKE, FIRE], first: 50) { nodes { id kind area location locationQuality sourceCameraIds snapshotUrl } } }
            """)).GetProperty("incidents").GetProperty("nodes").EnumerateArray().ToList();
        output.WriteLine(string.Join(Environment.NewLine, incidents));

        var fromSmokeTower = incidents.Where(i => Cameras(i).Contains(FireWatchHost.SmokeTower)).ToList();
        var incident = Assert.Single(fromSmokeTower);
        Assert.Equal("SMOKE", incident.GetProperty("kind").GetString());
        Assert.Equal("LOCATED", incident.GetProperty("locationQuality").GetString());
        Assert.False(string.IsNullOrEmpty(incident.GetProperty("snapshotUrl").GetString()));

        // The detector gives image regions, not fitted boxes, so the place is checked against the ground the smoke image
        // covers in the frame (the bottom-right quarter): the incident's polygon must reach into that footprint and its
        // point must lie in it.
        var footprint = await FootprintAsync(FireWatchHost.SmokeTower, [(0.5, 0.5), (0.995, 0.5), (0.995, 0.995), (0.5, 0.995)]);
        var area = JsonSerializer.Deserialize<Geometry>(incident.GetProperty("area").GetRawText(), GeoJson) as Polygon;
        var location = JsonSerializer.Deserialize<Geometry>(incident.GetProperty("location").GetRawText(), GeoJson) as Point;
        Assert.NotNull(area);
        Assert.NotNull(location);
        area.SRID = location.SRID = GeoFactory.Wgs84Srid;
        Assert.True(MetricProjection.ToMetric(footprint).Intersects(MetricProjection.ToMetric(area)), $"the polygon {area} should reach the smoke's ground {footprint}");
        Assert.True(MetricProjection.ToMetric(footprint).Buffer(5).Covers(MetricProjection.ToMetric(location)), $"the point {location} should lie on the smoke's ground {footprint}");
    }

    [SkippableFact]
    public async Task TowerFrames_CloudsOrFogUnderMaskedSky_NoIncidentWhileTheSmokeTowerRaisesOne()
    {
        Skip.If(host.SmokeBase is null, "skipped: the shared fire dataset (valid/) is not present");
        await WaitUntilReadAsync(FireWatchHost.SmokeTower, FireWatchHost.CloudTower, FireWatchHost.FogTower);

        var incidents = (await host.GraphQLAsync("""
            { incidents(kinds: [SMOKE, FIRE], first: 50) { nodes { id kind sourceCameraIds } } }
            """)).GetProperty("incidents").GetProperty("nodes").EnumerateArray().ToList();
        output.WriteLine(string.Join(Environment.NewLine, incidents));

        Assert.DoesNotContain(incidents, i => Cameras(i).Contains(FireWatchHost.CloudTower));
        Assert.DoesNotContain(incidents, i => Cameras(i).Contains(FireWatchHost.FogTower));
        Assert.Single(incidents, i => Cameras(i).Contains(FireWatchHost.SmokeTower));
    }

    private async Task WaitUntilReadAsync(params string[] cameras)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(4); ; await Task.Delay(500))
        {
            if (cameras.All(c => host.Log.Lines.Any(l => l.Contains($"camera {c}:", StringComparison.Ordinal) && l.Contains("read to its end", StringComparison.Ordinal))))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"the fire watch did not read the cameras' frames in time:\n{host.Log}");
        }
    }

    /// <summary>
    /// The ground a posed tower shows inside an image polygon, found by searching the ground with the test's own pinhole
    /// projection (<see cref="PtzProjection"/>) for each corner, so the expected place does not come from the code under test.
    /// </summary>
    private async Task<Polygon> FootprintAsync(string cameraId, (double U, double V)[] corners)
    {
        var camera = (await host.GraphQLAsync("""
            query($id: ID!) { camera(id: $id) { location mountHeightM pose { panDeg tiltDeg horizontalFovDeg zoom imageWidth imageHeight } } }
            """, new { id = cameraId })).GetProperty("camera");
        var p = camera.GetProperty("pose");
        var pose = new PtzPose(p.GetProperty("panDeg").GetDouble(), p.GetProperty("tiltDeg").GetDouble(), p.GetProperty("horizontalFovDeg").GetDouble(),
            p.GetProperty("zoom").GetDouble(), p.GetProperty("imageWidth").GetInt32(), p.GetProperty("imageHeight").GetInt32());
        var at = JsonSerializer.Deserialize<Geometry>(camera.GetProperty("location").GetRawText(), GeoJson) as Point;
        var tower = new GeoPoint(at!.X, at.Y);
        var height = camera.GetProperty("mountHeightM").GetDouble();
        var origin = MetricProjection.ToMetric(tower);
        var ring = new List<Coordinate>();
        foreach (var target in corners)
        {
            var best = (Error: double.MaxValue, Point: tower);
            for (var bearing = pose.PanDeg - pose.EffectiveHorizontalFovDeg / 2 - 10; bearing <= pose.PanDeg + pose.EffectiveHorizontalFovDeg / 2 + 10; bearing += 0.2)
                for (var distance = 20.0; distance <= 5000; distance *= 1.01)
                {
                    var b = bearing * Math.PI / 180;
                    var ground = MetricProjection.FromMetric(new Coordinate(origin.X + distance * Math.Sin(b), origin.Y + distance * Math.Cos(b)));
                    var (u, v) = PtzProjection.ImagePoint(tower, height, pose, ground);
                    var error = Math.Abs(u - target.U) + Math.Abs(v - target.V);
                    if (error < best.Error) best = (error, ground);
                }
            Assert.True(best.Error < 0.01, $"no ground point of {cameraId} shows at {target}");
            ring.Add(new Coordinate(best.Point.Longitude, best.Point.Latitude));
        }
        ring.Add(ring[0]);
        var footprint = GeoFactory.Wgs84.CreatePolygon([.. ring]);
        output.WriteLine($"the smoke image covers the ground {footprint}");
        return footprint;
    }

    private static List<string?> Cameras(JsonElement incident) =>
        incident.GetProperty("sourceCameraIds").EnumerateArray().Select(c => c.GetString()).ToList();
}
