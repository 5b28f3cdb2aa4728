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
/// camera-event ingest opens a located incident whose polygon holds where the smoke rises; the tower that sees only
/// clouds raises nothing.
/// </summary>
public sealed class SmokeOnPixelsStoryTests(FireWatchHost host, ITestOutputHelper output) : IClassFixture<FireWatchHost>
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [SkippableFact]
    public async Task TowerFrames_SmokeConfirmedOnPixels_OneLocatedIncidentHoldsTheSmoke_CloudsRaiseNothing()
    {
        Skip.If(host.SmokeBase is null, "skipped: the shared fire dataset (valid/) is not present");
        await WaitUntilReadAsync(FireWatchHost.SmokeTower, FireWatchHost.CloudTower);

        var incidents = (await host.GraphQLAsync("""
            { incidents(kinds: [SMOKE, FIRE], first: 50) { nodes { id kind area locationQuality sourceCameraIds snapshotUrl } } }
            """)).GetProperty("incidents").GetProperty("nodes").EnumerateArray().ToList();
        output.WriteLine(string.Join(Environment.NewLine, incidents));

        var fromSmokeTower = incidents.Where(i => Cameras(i).Contains(FireWatchHost.SmokeTower)).ToList();
        var incident = Assert.Single(fromSmokeTower);
        Assert.Equal("SMOKE", incident.GetProperty("kind").GetString());
        Assert.Equal("LOCATED", incident.GetProperty("locationQuality").GetString());
        Assert.False(string.IsNullOrEmpty(incident.GetProperty("snapshotUrl").GetString()));
        Assert.DoesNotContain(incidents, i => Cameras(i).Contains(FireWatchHost.CloudTower));

        var smoke = await GroundUnderAsync(FireWatchHost.SmokeTower, host.SmokeBase!.Value);
        var area = JsonSerializer.Deserialize<Geometry>(incident.GetProperty("area").GetRawText(), GeoJson) as Polygon;
        Assert.NotNull(area);
        area.SRID = GeoFactory.Wgs84Srid;
        Assert.True(area.Covers(smoke.ToPoint()), $"the polygon {area} should hold the smoke's base at {smoke}");
    }

    private async Task WaitUntilReadAsync(params string[] cameras)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(4); ; await Task.Delay(500))
        {
            if (cameras.All(c => host.Log.Lines.Any(l => l.Contains($"camera {c}:", StringComparison.Ordinal) && l.Contains("read to its end", StringComparison.Ordinal))))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"the fire watch did not read both cameras' frames in time:\n{host.Log}");
        }
    }

    /// <summary>
    /// The ground point a posed tower shows at an image point, found by searching the ground with the test's own
    /// pinhole projection (<see cref="PtzProjection"/>), so the expected place does not come from the code under test.
    /// </summary>
    private async Task<GeoPoint> GroundUnderAsync(string cameraId, (double U, double V) target)
    {
        var camera = (await host.GraphQLAsync("""
            query($id: ID!) { camera(id: $id) { location mountHeightM rangeM pose { panDeg tiltDeg horizontalFovDeg zoom imageWidth imageHeight } } }
            """, new { id = cameraId })).GetProperty("camera");
        var p = camera.GetProperty("pose");
        var pose = new PtzPose(p.GetProperty("panDeg").GetDouble(), p.GetProperty("tiltDeg").GetDouble(), p.GetProperty("horizontalFovDeg").GetDouble(),
            p.GetProperty("zoom").GetDouble(), p.GetProperty("imageWidth").GetInt32(), p.GetProperty("imageHeight").GetInt32());
        var location = JsonSerializer.Deserialize<Geometry>(camera.GetProperty("location").GetRawText(), GeoJson) as Point;
        var tower = new GeoPoint(location!.X, location.Y);
        var height = camera.GetProperty("mountHeightM").GetDouble();
        var origin = MetricProjection.ToMetric(tower);
        var best = (Error: double.MaxValue, Point: tower);
        for (var bearing = pose.PanDeg - pose.EffectiveHorizontalFovDeg / 2; bearing <= pose.PanDeg + pose.EffectiveHorizontalFovDeg / 2; bearing += 0.1)
            for (var distance = 20.0; distance <= 3000; distance *= 1.005)
            {
                var b = bearing * Math.PI / 180;
                var ground = MetricProjection.FromMetric(new Coordinate(origin.X + distance * Math.Sin(b), origin.Y + distance * Math.Cos(b)));
                var (u, v) = PtzProjection.ImagePoint(tower, height, pose, ground);
                var error = Math.Abs(u - target.U) + Math.Abs(v - target.V);
                if (error < best.Error) best = (error, ground);
            }
        Assert.True(best.Error < 0.005, $"no ground point of {cameraId} shows at {target}");
        output.WriteLine($"smoke base at image {target} lies on the ground at {best.Point}, {MetricProjection.DistanceMetres(tower, best.Point):F0} m from the tower");
        return best.Point;
    }

    private static List<string?> Cameras(JsonElement incident) =>
        incident.GetProperty("sourceCameraIds").EnumerateArray().Select(c => c.GetString()).ToList();
}
