using System.Text.Json;
using CityTwin.Twin.Watchlists;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>Story 1's plate lookup: the vehicle grain's live state, the sighting history from PostGIS, the trace.</summary>
[Collection(SchemaCollection.Name)]
public sealed class VehicleQueryTests(SchemaFixture fixture)
{
    private const string VehicleQuery = """
        query($plate: String!) { vehicle(plate: $plate) {
          plate plateKey kind seen watched firstSeenAt trace
          lastSighting { cameraId }
          sightings(first: 10) { nodes { detectionId cameraId seenAt plateText camera { id name } } pageInfo { hasNextPage } } } }
        """;

    [Fact]
    public async Task Vehicle_ByWrittenPlate_ReturnsSightingsNewestFirstAndTrace()
    {
        var result = await fixture.ExecuteAsync(VehicleQuery, Callers.Operator, new { plate = SchemaSeed.TracedPlate });

        var vehicle = result.Data("vehicle");
        Assert.Equal(SchemaSeed.TracedPlate, vehicle.GetProperty("plate").GetString());
        Assert.Equal(SchemaSeed.TracedPlateKey, vehicle.GetProperty("plateKey").GetString());
        Assert.Equal("MOTORBIKE", vehicle.GetProperty("kind").GetString());
        Assert.True(vehicle.GetProperty("seen").GetBoolean());
        Assert.False(vehicle.GetProperty("watched").GetBoolean());
        Assert.Equal("cam-mct-06", vehicle.GetProperty("lastSighting").GetProperty("cameraId").GetString());

        var sightings = vehicle.GetProperty("sightings").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(fixture.Seed.TraceCameraIds.Reverse(), sightings.Select(s => s.GetProperty("cameraId").GetString()));
        Assert.All(sightings, s => Assert.Equal(s.GetProperty("cameraId").GetString(), s.GetProperty("camera").GetProperty("id").GetString()));
        Assert.False(vehicle.GetProperty("sightings").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var trace = vehicle.GetProperty("trace");
        Assert.Equal("LineString", trace.GetProperty("type").GetString());
        Assert.Equal(6, trace.GetProperty("coordinates").GetArrayLength());
    }

    [Fact]
    public async Task Vehicle_ByCanonicalKey_IsTheSameVehicle()
    {
        var result = await fixture.ExecuteAsync(VehicleQuery, Callers.Operator, new { plate = SchemaSeed.TracedPlateKey });
        Assert.Equal(SchemaSeed.TracedPlate, result.Data("vehicle.plate").GetString());
    }

    [Fact]
    public async Task Vehicle_Sightings_PageWithCursorWithoutOverlap()
    {
        const string query = """
            query($after: String) { vehicle(plate: "59X112345") { sightings(first: 4, after: $after) {
              edges { cursor node { detectionId } } pageInfo { hasNextPage endCursor } } } }
            """;
        var first = await fixture.ExecuteAsync(query, Callers.Operator);
        var cursor = first.Data("vehicle.sightings.pageInfo.endCursor").GetString();
        var second = await fixture.ExecuteAsync(query, Callers.Operator, new { after = cursor });

        Assert.True(first.Data("vehicle.sightings.pageInfo.hasNextPage").GetBoolean());
        Assert.False(second.Data("vehicle.sightings.pageInfo.hasNextPage").GetBoolean());
        var ids = first.Data("vehicle.sightings.edges").EnumerateArray().Concat(second.Data("vehicle.sightings.edges").EnumerateArray())
            .Select(e => e.GetProperty("node").GetProperty("detectionId").GetString()).ToList();
        Assert.Equal(6, ids.Distinct().Count());
        Assert.Equal(6, ids.Count);
    }

    [Fact]
    public async Task Vehicle_NeverSeenNorWatched_ReturnsNull()
    {
        var result = await fixture.ExecuteAsync(VehicleQuery, Callers.Operator, new { plate = "51G-999.98" });
        Assert.Equal(JsonValueKind.Null, result.Data("vehicle").ValueKind);
    }

    [Fact]
    public async Task Vehicle_WatchedButNeverSeen_ShowsWatchStatus()
    {
        await fixture.Cluster.Grains.GetGrain<IWatchlistGrain>("51")
            .AddAsync(new WatchlistRequest("51F-777.77", "stolen", DateTimeOffset.UtcNow.AddHours(-1), "officer", SchemaSeed.AnPhu));

        var result = await fixture.ExecuteAsync("""
            { vehicle(plate: "51F-777.77") { seen watched kind watch { watchedPlate matchKind reason } } }
            """, Callers.Operator);

        var vehicle = result.Data("vehicle");
        Assert.False(vehicle.GetProperty("seen").GetBoolean());
        Assert.True(vehicle.GetProperty("watched").GetBoolean());
        Assert.Equal("CAR", vehicle.GetProperty("kind").GetString());
        Assert.Equal("EXACT", vehicle.GetProperty("watch").GetProperty("matchKind").GetString());
        Assert.Equal("51F-777.77", vehicle.GetProperty("watch").GetProperty("watchedPlate").GetString());
    }

    [Fact]
    public async Task Vehicle_NotAPlate_IsBadUserInput()
    {
        var result = await fixture.ExecuteAsync(VehicleQuery, Callers.Operator, new { plate = "HELLO" });

        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
        Assert.Contains("not a Vietnamese plate", result.ErrorMessages);
        Assert.Equal(JsonValueKind.Null, result.DataAllowingErrors("vehicle").ValueKind);
    }
}
