using System.Net;
using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Xunit.Abstractions;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// The city's second story through the product's start-up wiring, with camera-side events: the Tân Thuận Đông tower
/// reports smoke over the webhook with its own key, the incident's polygon holds the true place, the alert arrives on a
/// real WebSocket, an operator confirms and dispatches, the team is on scene 7 minutes later by the twin's clock (7:00),
/// and it is resolved as rubbish burning; a second tower narrows the place.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class SmokeAtTanThuanDongStoryTests(IncidentHost host, ITestOutputHelper output)
{
    private const string Tower1 = "cam-tth-ptz-01";
    private const string Tower2 = "cam-tth-ptz-02";

    private const string IncidentQuery = """
        query($id: ID!) { incident(id: $id) {
          id kind status area locationQuality unlocated location sourceCameraIds snapshotUrl observations
          responseTimeSeconds timeToSceneSeconds timeline { status note }
          sightings { cameraId bearingDeg locationQuality } } }
        """;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public async Task SmokeFromTheTower_LocatedAlertedDispatchedOnSceneInSevenMinutes_ResolvedAsRubbishBurning()
    {
        // The smoke rises from an alley at (E1 + 605, N1 + 728) in UTM 48N: 947 m from tower 1 at a bearing of 39.7°, and
        // 947 m from tower 2 (1.7 km north) at 169.8°, so the towers' rays cross at 50° there. An operator turns both
        // towers towards it (setCameraPose), as the ward's operators do when a resident calls.
        var tower1Utm = MetricProjection.ToMetric((await PoseAsync(Tower1)).Location);
        var smoke = MetricProjection.FromMetric(new Coordinate(tower1Utm.X + 605, tower1Utm.Y + 728));
        await SetPoseAsync(Tower1, panDeg: 40, tiltDeg: 3);
        await SetPoseAsync(Tower2, panDeg: 170, tiltDeg: 3);
        var (tower1, height1, pose1) = await PoseAsync(Tower1);
        var cameraKey = await host.IssueCameraKeyAsync(Tower1);
        await using var alerts = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, IncidentHost.OperatorKey);
        await alerts.SubscribeAsync("alerts", "subscription { alerts(kinds: [INCIDENT_OPENED]) { ... on IncidentEvent { incidentId kind status area } } }");
        await alerts.RoundTripAsync();

        var seenAt = host.Clock.GetUtcNow().AddSeconds(-20);
        var (status, body) = await host.PostAsync("/camera-events", new
        {
            events = new[]
            {
                new
                {
                    cameraId = Tower1, kind = "smoke", observedAt = seenAt, confidence = 0.91, idempotencyKey = "tth1-0001",
                    region = PtzProjection.Region(tower1, height1, pose1, smoke, width: 0.02), snapshotJpegBase64 = Convert.ToBase64String(TestJpeg.Make()),
                },
            },
        }, cameraKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("recorded").GetInt32());
        var incidentId = body.GetProperty("incidentIds")[0].GetString()!;

        var alert = await WaitAlertAsync(alerts, incidentId);
        Assert.Equal("SMOKE", alert.GetProperty("kind").GetString());
        var incident = await IncidentAsync(incidentId);
        Assert.Equal("LOCATED", incident.GetProperty("locationQuality").GetString());
        var area = Polygon(incident.GetProperty("area"));
        Assert.True(area.Covers(smoke.ToPoint()), $"the polygon {area} should hold the smoke at {smoke}");
        var oneCameraM2 = MetricProjection.ToMetric(area).Area;
        output.WriteLine($"tower 1: point {incident.GetProperty("location")}, polygon {oneCameraM2:F0} m², "
            + $"{MetricProjection.DistanceMetres(GeoPoint.From(PointOf(incident.GetProperty("location"))), smoke):F0} m from the smoke");
        var snapshot = await host.GetAsync(incident.GetProperty("snapshotUrl").GetString()!);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (snapshot.Status, snapshot.MediaType));
        Assert.Equal(TestJpeg.Make(), snapshot.Body);
        var planner = await host.GetAsync(incident.GetProperty("snapshotUrl").GetString()!, IncidentHost.PlannerKey);
        Assert.Equal(HttpStatusCode.Forbidden, planner.Status);

        // Tower 2, 1.7 km north, sees the same smoke a minute later (reportCameraEvents as the operator): one incident.
        var (tower2, height2, pose2) = await PoseAsync(Tower2);
        var second = await host.GraphQLAsync("""
            mutation($events: [CameraEventInput!]!) { reportCameraEvents(events: $events) { accepted recorded incidentIds errors { code message } } }
            """, new { events = new[] { new { cameraId = Tower2, kind = "SMOKE", observedAt = seenAt.AddMinutes(1), confidence = 0.8,
                idempotencyKey = "tth2-0001", region = PtzProjection.Region(tower2, height2, pose2, smoke, width: 0.02) } } });
        var payload = second.GetProperty("reportCameraEvents");
        Assert.True(payload.GetProperty("accepted").GetBoolean(), payload.ToString());
        Assert.Equal(incidentId, payload.GetProperty("incidentIds")[0].GetString());
        incident = await IncidentAsync(incidentId);
        Assert.Equal("TRIANGULATED", incident.GetProperty("locationQuality").GetString());
        Assert.Equal([Tower1, Tower2], incident.GetProperty("sourceCameraIds").EnumerateArray().Select(c => c.GetString()!));
        var narrowed = Polygon(incident.GetProperty("area"));
        Assert.True(narrowed.Covers(smoke.ToPoint()), $"the triangulated polygon {narrowed} should hold the smoke at {smoke}");
        var twoCamerasM2 = MetricProjection.ToMetric(narrowed).Area;
        output.WriteLine($"two towers: polygon {twoCamerasM2:F0} m² (one tower {oneCameraM2:F0} m²), "
            + $"point {MetricProjection.DistanceMetres(GeoPoint.From(PointOf(incident.GetProperty("location"))), smoke):F0} m from the smoke");
        Assert.True(twoCamerasM2 < oneCameraM2 * 0.6, $"two towers {twoCamerasM2:F0} m² should narrow one tower's {oneCameraM2:F0} m²");

        // The ward's operator confirms and dispatches; the team is on scene 7 minutes later by the twin's clock.
        await StepAsync("confirmIncident", incidentId, "operator Lan", null);
        await StepAsync("dispatchIncident", incidentId, "operator Lan", "ward team 3");
        host.Clock.Advance(TimeSpan.FromMinutes(7));
        await StepAsync("arriveOnScene", incidentId, "ward team 3", null);
        await StepAsync("resolveIncident", incidentId, "ward team 3", "rubbish burning");

        incident = await IncidentAsync(incidentId);
        var response = TimeSpan.FromSeconds(incident.GetProperty("responseTimeSeconds").GetDouble());
        Assert.Equal("7:00", $"{(int)response.TotalMinutes}:{response.Seconds:00}");
        Assert.Equal("RESOLVED", incident.GetProperty("status").GetString());
        Assert.Equal("rubbish burning", incident.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());

        // The ward's figures: this is the only incident of Tân Thuận Đông that reached the scene.
        var figures = (await host.GraphQLAsync("""
            query($from: DateTimeOffset!, $to: DateTimeOffset!) {
              wardResponseFigures(from: $from, to: $to, wardCode: "27466") { wardCode incidents reachedScene medianSeconds p90Seconds } }
            """, new { from = seenAt.AddHours(-1), to = host.Clock.GetUtcNow().AddMinutes(5) })).GetProperty("wardResponseFigures");
        var ward = Assert.Single(figures.EnumerateArray());
        Assert.Equal(1, ward.GetProperty("reachedScene").GetInt32());
        var toScene = incident.GetProperty("timeToSceneSeconds").GetDouble();
        Assert.Equal(toScene, ward.GetProperty("medianSeconds").GetDouble(), 3);
        Assert.Equal(toScene, ward.GetProperty("p90Seconds").GetDouble(), 3);
    }

    [Fact]
    public async Task CameraWithoutPose_EventAtTheCameraWithTheRangeDisc_FlaggedUnlocated()
    {
        // A fixed overview camera has no PTZ pose: its event is placed at the camera, anywhere within its range.
        var data = await host.GraphQLAsync("""
            mutation($events: [CameraEventInput!]!) { reportCameraEvents(events: $events) { incidentIds errors { code } } }
            """, new { events = new[] { new { cameraId = "cam-mct-01", kind = "accident", observedAt = host.Clock.GetUtcNow().AddSeconds(-5),
                confidence = 0.7, idempotencyKey = "unposed-1" } } });
        var incident = await IncidentAsync(data.GetProperty("reportCameraEvents").GetProperty("incidentIds")[0].GetString()!);
        Assert.True(incident.GetProperty("unlocated").GetBoolean());
        Assert.Equal("UNLOCATED", incident.GetProperty("locationQuality").GetString());
        var camera = (await host.GraphQLAsync("{ camera(id: \"cam-mct-01\") { location rangeM } }")).GetProperty("camera");
        var at = GeoPoint.From(PointOf(camera.GetProperty("location")));
        Assert.Equal(0, MetricProjection.DistanceMetres(GeoPoint.From(PointOf(incident.GetProperty("location"))), at), 1.0);
        var discM2 = MetricProjection.ToMetric(Polygon(incident.GetProperty("area"))).Area;
        var range = camera.GetProperty("rangeM").GetDouble();
        Assert.InRange(discM2, Math.PI * range * range * 0.98, Math.PI * range * range);
    }

    private async Task<(GeoPoint Location, double HeightM, PtzPose Pose)> PoseAsync(string cameraId)
    {
        var camera = (await host.GraphQLAsync("""
            query($id: ID!) { camera(id: $id) { location mountHeightM pose { panDeg tiltDeg horizontalFovDeg zoom imageWidth imageHeight } } }
            """, new { id = cameraId })).GetProperty("camera");
        var pose = camera.GetProperty("pose");
        return (GeoPoint.From(PointOf(camera.GetProperty("location"))), camera.GetProperty("mountHeightM").GetDouble(),
            new PtzPose(pose.GetProperty("panDeg").GetDouble(), pose.GetProperty("tiltDeg").GetDouble(), pose.GetProperty("horizontalFovDeg").GetDouble(),
                pose.GetProperty("zoom").GetDouble(), pose.GetProperty("imageWidth").GetInt32(), pose.GetProperty("imageHeight").GetInt32()));
    }

    private async Task SetPoseAsync(string cameraId, double panDeg, double tiltDeg)
    {
        var data = await host.GraphQLAsync("""
            mutation($id: ID!, $pose: CameraPoseInput!) { setCameraPose(cameraId: $id, pose: $pose) { camera { pose { panDeg } } errors { code message } } }
            """, new { id = cameraId, pose = new { panDeg, tiltDeg, horizontalFovDeg = 58, zoom = 1, imageWidth = 1920, imageHeight = 1080 } });
        Assert.Empty(data.GetProperty("setCameraPose").GetProperty("errors").EnumerateArray());
    }

    private async Task StepAsync(string mutation, string id, string actor, string? note)
    {
        var data = await host.GraphQLAsync($$"""
            mutation($id: ID!, $actor: String!, $note: String) { {{mutation}}(id: $id, actor: $actor, note: $note) { errors { code message } } }
            """, new { id, actor, note });
        Assert.Empty(data.GetProperty(mutation).GetProperty("errors").EnumerateArray());
    }

    private async Task<JsonElement> IncidentAsync(string id) =>
        (await host.GraphQLAsync(IncidentQuery, new { id })).GetProperty("incident");

    private static async Task<JsonElement> WaitAlertAsync(RawWebSocketClient socket, string incidentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var message = await socket.ReceiveAsync(deadline - DateTime.UtcNow);
            if (message.GetProperty("type").GetString() != "next") continue;
            var alert = message.GetProperty("payload").GetProperty("data").GetProperty("alerts");
            if (alert.GetProperty("incidentId").GetString() == incidentId) return alert;
        }
        Assert.Fail($"no alert for incident {incidentId}");
        return default;
    }

    private static Polygon Polygon(JsonElement geoJson)
    {
        var polygon = JsonSerializer.Deserialize<Geometry>(geoJson.GetRawText(), GeoJson) as Polygon;
        Assert.NotNull(polygon);
        polygon.SRID = GeoFactory.Wgs84Srid;
        return polygon;
    }

    private static Point PointOf(JsonElement geoJson)
    {
        var point = (Point)JsonSerializer.Deserialize<Geometry>(geoJson.GetRawText(), GeoJson)!;
        point.SRID = GeoFactory.Wgs84Srid;
        return point;
    }
}
