using System.Text.Json;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>Watchlist reads and the watchlist mutations, story 1 first: a theft report puts the plate on the watchlist.</summary>
[Collection(SchemaCollection.Name)]
public sealed class WatchlistTests(SchemaFixture fixture)
{
    private const string Report = """
        mutation($plate: String!, $at: DateTimeOffset!, $ward: String) {
          reportStolenVehicle(plate: $plate, reportedAt: $at, reportedBy: "resident via An Phu ward", wardCode: $ward, description: "red motorbike taken at 06:00") {
            watchlistEntry { plate plateKey reason reportedBy wardCode } errors { code message field } } }
        """;

    [Fact]
    public async Task ReportStolenVehicle_Operator_WatchesPlateAndItsSightings()
    {
        var reportedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var result = await fixture.ExecuteAsync(Report, Callers.Operator, new { plate = "59-X2 456.78", at = reportedAt, ward = SchemaSeed.AnPhu });

        var entry = result.Data("reportStolenVehicle.watchlistEntry");
        Assert.Equal(0, result.Data("reportStolenVehicle.errors").GetArrayLength());
        Assert.Equal("stolen", entry.GetProperty("reason").GetString());
        Assert.Equal("59X245678", entry.GetProperty("plateKey").GetString());
        Assert.Equal(SchemaSeed.AnPhu, entry.GetProperty("wardCode").GetString());

        var listed = await fixture.ExecuteAsync("""{ watchlist(plate: "59X245678") { nodes { plate reason } } }""", Callers.Operator);
        Assert.Equal("59-X2 456.78", listed.Data("watchlist.nodes.0.plate").GetString());

        // The bike is then read by a camera: the vehicle shows as watched.
        await fixture.Cluster.Grains.GetGrain<IVehicleGrain>("59X245678").RecordSightingsAsync(new VehicleObservation(
            [new SightingInput("cam-mct-01:stolen-1", "cam-mct-01", DateTimeOffset.UtcNow.AddMinutes(-5), new GeoPoint(106.7536, 10.803294), 0.95f)]));
        var vehicle = await fixture.ExecuteAsync("""{ vehicle(plate: "59-X2 456.78") { watched watch { reason matchKind } } }""", Callers.Operator);
        Assert.True(vehicle.Data("vehicle.watched").GetBoolean());
        Assert.Equal("stolen", vehicle.Data("vehicle.watch.reason").GetString());
    }

    [Fact]
    public async Task AddToWatchlist_NotAPlate_ReturnsInvalidInputOnPlate()
    {
        var result = await fixture.ExecuteAsync("""
            mutation { addToWatchlist(plate: "XYZ", reason: "test", reportedBy: "op") { watchlistEntry { plate } errors { code message field } } }
            """, Callers.Operator);

        Assert.Equal(JsonValueKind.Null, result.Data("addToWatchlist.watchlistEntry").ValueKind);
        var error = result.Data("addToWatchlist.errors.0");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal("plate", error.GetProperty("field").GetString());
        Assert.Contains("not a Vietnamese plate", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AddToWatchlist_FutureReport_ReturnsTwinsReasonAsInvalidInput()
    {
        var result = await fixture.ExecuteAsync("""
            mutation($at: DateTimeOffset) { addToWatchlist(plate: "59-T1 111.22", reason: "test", reportedBy: "op", reportedAt: $at) {
              watchlistEntry { plate } errors { code message } } }
            """, Callers.Operator, new { at = DateTimeOffset.UtcNow.AddDays(1) });

        var error = result.Data("addToWatchlist.errors.0");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Contains("in the future", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AddToWatchlist_UnknownWard_ReturnsNotFound()
    {
        var result = await fixture.ExecuteAsync("""
            mutation { addToWatchlist(plate: "59-T1 111.23", reason: "test", reportedBy: "op", wardCode: "99999") { errors { code field } } }
            """, Callers.Operator);

        Assert.Equal("NOT_FOUND", result.Data("addToWatchlist.errors.0.code").GetString());
        Assert.Equal("wardCode", result.Data("addToWatchlist.errors.0.field").GetString());
    }

    [Fact]
    public async Task RemoveFromWatchlist_Listed_ReturnsRemovedEntryAndUnlists()
    {
        var add = await fixture.ExecuteAsync("""
            mutation { addToWatchlist(plate: "50-H1 222.33", reason: "seen at a robbery", reportedBy: "police") { errors { code } } }
            """, Callers.Operator);
        Assert.Equal(0, add.Data("addToWatchlist.errors").GetArrayLength());

        var remove = await fixture.ExecuteAsync("""
            mutation { removeFromWatchlist(plate: "50H122233", removedBy: "police", reason: "found") { watchlistEntry { plate reason } errors { code } } }
            """, Callers.Operator);

        Assert.Equal("seen at a robbery", remove.Data("removeFromWatchlist.watchlistEntry.reason").GetString());
        var listed = await fixture.ExecuteAsync("""{ watchlist(plate: "50-H1 222.33") { nodes { plate } } }""", Callers.Operator);
        Assert.Equal(0, listed.Data("watchlist.nodes").GetArrayLength());
    }

    [Fact]
    public async Task RemoveFromWatchlist_NotListed_ReturnsNotFound()
    {
        var result = await fixture.ExecuteAsync("""
            mutation { removeFromWatchlist(plate: "50-H1 999.88", removedBy: "police") { watchlistEntry { plate } errors { code field } } }
            """, Callers.Operator);

        Assert.Equal("NOT_FOUND", result.Data("removeFromWatchlist.errors.0.code").GetString());
        Assert.Equal(JsonValueKind.Null, result.Data("removeFromWatchlist.watchlistEntry").ValueKind);
    }

    [Fact]
    public async Task Watchlist_ByProvince_ListsOnlyThatProvince()
    {
        await fixture.ExecuteAsync("""mutation { addToWatchlist(plate: "41-A1 333.44", reason: "test", reportedBy: "op") { errors { code } } }""", Callers.Operator);

        var result = await fixture.ExecuteAsync("""{ watchlist(provinceCode: "41", first: 200) { nodes { plateKey } } }""", Callers.Operator);

        var keys = result.Data("watchlist.nodes").EnumerateArray().Select(n => n.GetProperty("plateKey").GetString()).ToList();
        Assert.Contains("41A133344", keys);
        Assert.All(keys, k => Assert.StartsWith("41", k));
    }
}
