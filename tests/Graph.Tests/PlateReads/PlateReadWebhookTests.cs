using System.Net;

namespace CityTwin.Graph.Tests.PlateReads;

/// <summary><c>POST /plates/reads</c> through real Kestrel: authentication, camera-key scoping and every refusal status.</summary>
[Collection(PlateReadsCollection.Name)]
public sealed class PlateReadWebhookTests(PlateReadsHost host)
{
    private Task<object?> SightingCountAsync(string plateKey) =>
        host.Database.ScalarAsync($"SELECT count(*) FROM sightings WHERE plate_key = '{plateKey}'");

    [Fact]
    public async Task Webhook_CameraKeyForItsCamera_Records200AndReplayIsDuplicates()
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);
        var plate = PlateReadsHost.NewPlate();
        var body = PlateReadsHost.ReadsBody((camera, plate.Display, "w1", null), (camera, plate.CanonicalKey, "w2", PlateReadsHost.Jpeg));

        var (status, first) = await host.PostReadsAsync(key, body);
        var (replayStatus, replay) = await host.PostReadsAsync(key, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 0), (first.GetProperty("recorded").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, replayStatus);
        Assert.Equal((0, 2), (replay.GetProperty("recorded").GetInt32(), replay.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2L, await SightingCountAsync(plate.CanonicalKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ctcam_not-a-key-anyone-issued")]
    [InlineData("some-unknown-key")]
    public async Task Webhook_MissingOrUnknownKey_Is401(string? key)
    {
        var camera = await host.NewCameraAsync();

        var (status, _) = await host.PostReadsAsync(key, PlateReadsHost.ReadsBody((camera, "59-X8 11111", "u1", null)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData(PlateReadsHost.PartnerKey)]
    [InlineData(PlateReadsHost.PlannerKey)]
    public async Task Webhook_PartnerOrPlannerKey_Is403(string key)
    {
        var camera = await host.NewCameraAsync();
        var plate = PlateReadsHost.NewPlate();

        var (status, _) = await host.PostReadsAsync(key, PlateReadsHost.ReadsBody((camera, plate.Display, "f1", null)));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0L, await SightingCountAsync(plate.CanonicalKey));
    }

    [Fact]
    public async Task Webhook_CameraKeyForAnotherCamera_Is403AndNothingIsRecorded()
    {
        var (own, other) = (await host.NewCameraAsync(), await host.NewCameraAsync());
        var key = await host.IssueCameraKeyAsync(own);
        var plate = PlateReadsHost.NewPlate();

        var (status, body) = await host.PostReadsAsync(key, PlateReadsHost.ReadsBody((own, plate.Display, "o1", null), (other, plate.Display, "o2", null)));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, "CAMERA_NOT_ALLOWED"), (error.GetProperty("index").GetInt32(), error.GetProperty("code").GetString()));
        Assert.Equal(0L, await SightingCountAsync(plate.CanonicalKey));
    }

    [Fact]
    public async Task Webhook_ReissuedKey_OldKeyIs401()
    {
        var camera = await host.NewCameraAsync();
        var old = await host.IssueCameraKeyAsync(camera);
        var fresh = await host.IssueCameraKeyAsync(camera);
        var plate = PlateReadsHost.NewPlate();

        var (oldStatus, _) = await host.PostReadsAsync(old, PlateReadsHost.ReadsBody((camera, plate.Display, "re1", null)));
        var (freshStatus, _) = await host.PostReadsAsync(fresh, PlateReadsHost.ReadsBody((camera, plate.Display, "re1", null)));

        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
        Assert.Equal(HttpStatusCode.OK, freshStatus);
    }

    [Fact]
    public async Task Webhook_InvalidReads_Is400WithPerReadErrorsAndNothingIsRecorded()
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);
        var plate = PlateReadsHost.NewPlate();
        var body = PlateReadsHost.ReadsBody(
            (camera, plate.Display, "v1", null),
            (camera, "HELLO", "v2", null),
            (camera, plate.Display, "v3", [0x47, 0x49, 0x46, 0x38]));

        var (status, answer) = await host.PostReadsAsync(key, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([(1, "MALFORMED_PLATE"), (2, "BAD_CROP")],
            answer.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("code").GetString())));
        Assert.Equal(0L, await SightingCountAsync(plate.CanonicalKey));
    }

    [Fact]
    public async Task Webhook_BodyOverTheLimit_Is413()
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);
        var padding = new string(' ', PlateReadsHost.MaxBodyBytes);

        var (status, body) = await host.PostReadsAsync(key, PlateReadsHost.ReadsBody((camera, "59-X8 22222", "big", null)) + padding);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("REQUEST_TOO_LARGE", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Webhook_NotJson_Is415()
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);

        var (status, _) = await host.PostReadsAsync(key, "cameraId=x&plate=59X822222", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Theory]
    [InlineData("{\"reads\": [")]
    [InlineData("{\"reads\": 42}")]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task Webhook_MalformedJson_Is400(string body)
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);

        var (status, answer) = await host.PostReadsAsync(key, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_JSON", answer.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
