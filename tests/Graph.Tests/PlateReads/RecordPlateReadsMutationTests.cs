using System.Text.Json;
using CityTwin.Twin.Spatial;

namespace CityTwin.Graph.Tests.PlateReads;

/// <summary><c>recordPlateReads</c>, <c>issueCameraKey</c> and the vehicle's route fields over GraphQL on HTTP.</summary>
[Collection(PlateReadsCollection.Name)]
public sealed class RecordPlateReadsMutationTests(PlateReadsHost host)
{
    private const string Record = """
        mutation($reads: [PlateReadInput!]!) {
          recordPlateReads(reads: $reads) { accepted recorded duplicates errors { index code message } }
        }
        """;

    private static object Reads(params (string Camera, string Plate, string Key, DateTimeOffset At)[] reads) => new
    {
        reads = reads.Select(r => new { cameraId = r.Camera, seenAt = r.At, plate = r.Plate, confidence = 0.9, idempotencyKey = r.Key }),
    };

    private static JsonElement Payload(JsonElement body) => body.GetProperty("data").GetProperty("recordPlateReads");

    private static string? FirstErrorCode(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    [Fact]
    public async Task RecordPlateReads_OperatorForAnyCamera_RecordsThenCountsDuplicates()
    {
        var camera = await host.NewCameraAsync();
        var plate = PlateReadsHost.NewPlate();
        var variables = Reads((camera, plate.Display, "m1", DateTimeOffset.UtcNow.AddSeconds(-30)), (camera, plate.Display, "m2", DateTimeOffset.UtcNow.AddSeconds(-20)));

        var first = Payload(await host.GraphQLAsync(PlateReadsHost.OperatorKey, Record, variables));
        var replay = Payload(await host.GraphQLAsync(PlateReadsHost.OperatorKey, Record, variables));

        Assert.True(first.GetProperty("accepted").GetBoolean());
        Assert.Equal(2, first.GetProperty("recorded").GetInt32());
        Assert.Equal((0, 2), (replay.GetProperty("recorded").GetInt32(), replay.GetProperty("duplicates").GetInt32()));
    }

    [Fact]
    public async Task RecordPlateReads_CameraKeyForAnotherCamera_RefusedWithCameraNotAllowed()
    {
        var (own, other) = (await host.NewCameraAsync(), await host.NewCameraAsync());
        var key = await host.IssueCameraKeyAsync(own);
        var plate = PlateReadsHost.NewPlate();

        var payload = Payload(await host.GraphQLAsync(key, Record, Reads((other, plate.Display, "c1", DateTimeOffset.UtcNow.AddSeconds(-5)))));

        Assert.False(payload.GetProperty("accepted").GetBoolean());
        Assert.Equal("CAMERA_NOT_ALLOWED", payload.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(0L, await host.Database.ScalarAsync($"SELECT count(*) FROM sightings WHERE plate_key = '{plate.CanonicalKey}'"));
    }

    [Fact]
    public async Task RecordPlateReads_FutureAndUnknownCamera_TypedErrorsPerRead()
    {
        var camera = await host.NewCameraAsync();
        var plate = PlateReadsHost.NewPlate();

        var payload = Payload(await host.GraphQLAsync(PlateReadsHost.OperatorKey, Record, Reads(
            (camera, plate.Display, "e1", DateTimeOffset.UtcNow.AddHours(2)),
            ("cam-nobody-registered", plate.Display, "e2", DateTimeOffset.UtcNow))));

        Assert.Equal([(0, "FUTURE_READ"), (1, "UNKNOWN_CAMERA")],
            payload.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("code").GetString())));
        Assert.Equal(0, payload.GetProperty("recorded").GetInt32());
    }

    [Theory]
    [InlineData(PlateReadsHost.PartnerKey)]
    [InlineData(PlateReadsHost.PlannerKey)]
    public async Task RecordPlateReads_PartnerOrPlanner_Forbidden(string key)
    {
        var camera = await host.NewCameraAsync();

        var body = await host.GraphQLAsync(key, Record, Reads((camera, "59-X8 33333", "p1", DateTimeOffset.UtcNow)));

        Assert.Equal("FORBIDDEN", FirstErrorCode(body));
    }

    [Fact]
    public async Task CameraKey_AnyOtherField_Forbidden()
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);

        var query = await host.GraphQLAsync(key, "{ vehicle(plate: \"59-X8 12345\") { plate } }");
        var issue = await host.GraphQLAsync(key, "mutation($id: ID!) { issueCameraKey(cameraId: $id) { cameraKey { key } } }", new { id = camera });

        Assert.Equal("FORBIDDEN", FirstErrorCode(query));
        Assert.Equal("FORBIDDEN", FirstErrorCode(issue));
    }

    [Fact]
    public async Task IssueCameraKey_UnknownCamera_NotFound()
    {
        var body = await host.GraphQLAsync(PlateReadsHost.OperatorKey,
            "mutation { issueCameraKey(cameraId: \"cam-never-registered\") { cameraKey { key } errors { code field } } }");

        var payload = body.GetProperty("data").GetProperty("issueCameraKey");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("cameraKey").ValueKind);
        Assert.Equal("NOT_FOUND", payload.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Vehicle_AfterReadsAtTwoCameras_HasSpeedHeadingRouteAndPredictedCamera()
    {
        // Eastward along 10.87 N, away from the other tests' cameras.
        var first = await host.NewCameraAsync(new GeoPoint(106.800, 10.87));
        var second = await host.NewCameraAsync(new GeoPoint(106.804, 10.87));
        var ahead = await host.NewCameraAsync(new GeoPoint(106.809, 10.87));
        var plate = PlateReadsHost.NewPlate();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        Assert.True(Payload(await host.GraphQLAsync(PlateReadsHost.OperatorKey, Record,
            Reads((first, plate.Display, "t1", t0), (second, plate.Display, "t2", t0.AddSeconds(30))))).GetProperty("accepted").GetBoolean());

        var body = await host.GraphQLAsync(PlateReadsHost.OperatorKey, """
            query($plate: String!) { vehicle(plate: $plate, reason: "test") {
              speedKmh headingDegrees
              route { line matchedToRoads points { cameraId seenAt } }
              predictedNextCameras { cameraId camera { id name } distanceMeters etaSeconds expectedAt alongRoads }
            } }
            """, new { plate = plate.Display });

        var vehicle = body.GetProperty("data").GetProperty("vehicle");
        Assert.InRange(vehicle.GetProperty("speedKmh").GetDouble(), 40, 60);
        Assert.InRange(vehicle.GetProperty("headingDegrees").GetDouble(), 89, 91);
        var route = vehicle.GetProperty("route");
        Assert.Equal("LineString", route.GetProperty("line").GetProperty("type").GetString());
        Assert.Equal([first, second], route.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("cameraId").GetString()));
        var next = vehicle.GetProperty("predictedNextCameras")[0];
        Assert.Equal(ahead, next.GetProperty("camera").GetProperty("id").GetString());
        Assert.True(next.GetProperty("etaSeconds").GetDouble() > 0);
    }
}
