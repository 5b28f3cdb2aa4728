using System.Net;
using System.Text.Json;
using CityTwin.Graph.Tests.Incidents;

namespace CityTwin.Graph.Tests.CameraEvents;

/// <summary>
/// The issue's bad input, each refused with a clear code over the real webhook and GraphQL, nothing half-applied:
/// one bad event refuses the whole batch, and a good batch after it still goes through.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class CameraEventsBadInputTests(IncidentHost host)
{
    private const string Tower = "cam-tth-ptz-03";

    [Theory]
    [InlineData("unknown-camera", "UNKNOWN_CAMERA")]
    [InlineData("future", "FUTURE_EVENT")]
    [InlineData("stale", "STALE_EVENT")]
    [InlineData("bearing", "BAD_BEARING")]
    [InlineData("region", "BAD_REGION")]
    [InlineData("confidence", "BAD_CONFIDENCE")]
    [InlineData("kind", "BAD_KIND")]
    [InlineData("not-jpeg", "BAD_SNAPSHOT")]
    [InlineData("truncated-jpeg", "BAD_SNAPSHOT")]
    [InlineData("oversized", "SNAPSHOT_TOO_LARGE")]
    public async Task Webhook_OneBadEventInABatch_400WithItsCodeAndNothingRecorded(string fault, string code)
    {
        var now = host.Clock.GetUtcNow();
        var key = $"bad-{fault}-{Guid.NewGuid():N}"[..40];
        var good = Event(now, key + "-ok");
        var bad = fault switch
        {
            "unknown-camera" => Event(now, key) with { CameraId = "cam-nowhere" },
            "future" => Event(now.AddMinutes(10), key),
            "stale" => Event(now.AddDays(-3), key),
            "bearing" => Event(now, key) with { BearingDeg = 361.0 },
            "region" => Event(now, key) with { Region = new { x = 0.9, y = 0.1, width = 0.3, height = 0.1 } },
            "confidence" => Event(now, key) with { Confidence = 1.5 },
            "kind" => Event(now, key) with { Kind = "meteor" },
            "not-jpeg" => Event(now, key) with { SnapshotJpegBase64 = Convert.ToBase64String("GIF89a not a jpeg at all"u8.ToArray()) },
            "truncated-jpeg" => Event(now, key) with { SnapshotJpegBase64 = Convert.ToBase64String(TestJpeg.Make()[..200]) },
            "oversized" => Event(now, key) with { SnapshotJpegBase64 = Convert.ToBase64String(new byte[600 * 1024]) },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var (status, body) = await host.PostAsync("/camera-events", new { events = new[] { good, bad } }, IncidentHost.OperatorKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, code), (error.GetProperty("index").GetInt32(), error.GetProperty("code").GetString()));
        Assert.Equal(0, body.GetProperty("recorded").GetInt32());
        Assert.Equal(0L, await host.Database.ScalarAsync($"SELECT count(*) FROM camera_events WHERE id LIKE 'cam-tth-ptz-03:{key}%'"));
    }

    [Fact]
    public async Task Webhook_DisabledCamera_CameraDisabledThenAcceptedWhenBackOnline()
    {
        const string camera = "cam-tth-ptz-04";
        await host.GraphQLAsync($$"""mutation { setCameraStatus(id: "{{camera}}", online: false) { errors { code } } }""");
        var (status, body) = await host.PostAsync("/camera-events",
            new { events = new[] { Event(host.Clock.GetUtcNow(), "disabled-1") with { CameraId = camera, Kind = "accident" } } }, IncidentHost.OperatorKey);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("CAMERA_DISABLED", body.GetProperty("errors")[0].GetProperty("code").GetString());

        await host.GraphQLAsync($$"""mutation { setCameraStatus(id: "{{camera}}", online: true) { errors { code } } }""");
        (status, body) = await host.PostAsync("/camera-events",
            new { events = new[] { Event(host.Clock.GetUtcNow(), "disabled-1") with { CameraId = camera, Kind = "accident" } } }, IncidentHost.OperatorKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("recorded").GetInt32());
    }

    [Fact]
    public async Task Webhook_CameraKeyForAnotherCamera_403CameraNotAllowed()
    {
        var key = await host.IssueCameraKeyAsync("cam-tth-ptz-02");
        var (status, body) = await host.PostAsync("/camera-events", new { events = new[] { Event(host.Clock.GetUtcNow(), "other-1") } }, key);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CAMERA_NOT_ALLOWED", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Webhook_SameBatchTwice_SecondIsDuplicatesWithTheSameIncident()
    {
        var batch = new { events = new[] { Event(host.Clock.GetUtcNow().AddSeconds(-3), "replay-1") with { Kind = "dumping" } } };
        var (_, first) = await host.PostAsync("/camera-events", batch, IncidentHost.OperatorKey);
        var (status, second) = await host.PostAsync("/camera-events", batch, IncidentHost.OperatorKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, 1), (second.GetProperty("recorded").GetInt32(), second.GetProperty("duplicates").GetInt32()));
        Assert.Equal(first.GetProperty("incidentIds")[0].GetString(), second.GetProperty("incidentIds")[0].GetString());
    }

    [Fact]
    public async Task Webhook_NoKeyPlannerKeyWrongMediaType_401_403_415()
    {
        using var anonymous = await host.Http.PostAsync("/camera-events", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var (planner, _) = await host.PostAsync("/camera-events", new { events = Array.Empty<object>() }, IncidentHost.PlannerKey);
        Assert.Equal(HttpStatusCode.Forbidden, planner);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/camera-events") { Content = new StringContent("x", System.Text.Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", IncidentHost.OperatorKey);
        using var text = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Theory]
    [InlineData(-1, 3, 58, 1, "pan")]
    [InlineData(90, 91, 58, 1, "tilt")]
    [InlineData(90, 3, 180, 1, "field of view")]
    [InlineData(90, 3, 58, 80, "zoom")]
    public async Task SetCameraPose_OutOfRange_InvalidInputNamingTheField(double pan, double tilt, double fov, double zoom, string named)
    {
        var data = await host.GraphQLAsync("""
            mutation($pose: CameraPoseInput!) { setCameraPose(cameraId: "cam-tth-ptz-03", pose: $pose) { camera { id } errors { code message } } }
            """, new { pose = new { panDeg = pan, tiltDeg = tilt, horizontalFovDeg = fov, zoom, imageWidth = 1920, imageHeight = 1080 } });
        var error = Assert.Single(data.GetProperty("setCameraPose").GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Contains(named, error.GetProperty("message").GetString());
        var pose = (await host.GraphQLAsync("{ camera(id: \"cam-tth-ptz-03\") { pose { panDeg } } }")).GetProperty("camera").GetProperty("pose");
        Assert.Equal(20, pose.GetProperty("panDeg").GetDouble());
    }

    [Fact]
    public async Task SetCameraExclusionMasks_StoredAndShownOnTheCamera_OutsideTheImageRefused()
    {
        var set = await host.GraphQLAsync("""
            mutation { setCameraExclusionMasks(cameraId: "cam-tth-ptz-01",
              masks: [[{x: 0, y: 0}, {x: 1, y: 0}, {x: 1, y: 0.3}, {x: 0, y: 0.3}]]) { camera { exclusionMasks { x y } } errors { code } } }
            """);
        Assert.Equal(4, set.GetProperty("setCameraExclusionMasks").GetProperty("camera").GetProperty("exclusionMasks")[0].GetArrayLength());
        var bad = await host.GraphQLAsync("""
            mutation { setCameraExclusionMasks(cameraId: "cam-tth-ptz-01", masks: [[{x: 0, y: 0}, {x: 1.5, y: 0}, {x: 1, y: 1}]]) { errors { code message } } }
            """);
        Assert.Equal("INVALID_INPUT", bad.GetProperty("setCameraExclusionMasks").GetProperty("errors")[0].GetProperty("code").GetString());
        var shown = (await host.GraphQLAsync("{ camera(id: \"cam-tth-ptz-01\") { exclusionMasks { x y } } }")).GetProperty("camera");
        Assert.Equal(1, shown.GetProperty("exclusionMasks").GetArrayLength());
        var catalog = (Twin.Cameras.ExclusionMaskCatalog)host.Services.GetService(typeof(Twin.Cameras.ExclusionMaskCatalog))!;
        Assert.Equal((1.0, 0.3), catalog.MasksFor("cam-tth-ptz-01")[0][2]);
    }

    private static EventBody Event(DateTimeOffset at, string key) => new(Tower, "smoke", at, 0.9, key, null, null, null);

    /// <summary>An event as JSON (camelCase on the wire), with fields to spoil one at a time.</summary>
    private sealed record EventBody(string CameraId, string Kind, DateTimeOffset ObservedAt, double Confidence, string IdempotencyKey,
        object? Region, double? BearingDeg, string? SnapshotJpegBase64);
}
