using System.Globalization;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Watchlists;

namespace CityTwin.Graph.Tests.Live;

/// <summary>
/// The subscription fields end to end: a grain on the cluster publishes, the silo's hub fans out, GraphQL.NET
/// executes the document per event, as a WebSocket client would receive it.
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class LiveSubscriptionFieldTests(LiveClusterFixture fixture)
{
    private static readonly string AnPhuBbox = "[" + string.Join(", ", LiveTestCity.AnPhuBox.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";

    private static readonly string SightingsInAnPhu =
        $"subscription {{ sightings(bbox: {AnPhuBbox}) {{ eventId plate vehicleKind watched location sightings {{ cameraId confidence }} }} }}";

    [Fact]
    public async Task Sightings_OperatorInsideBbox_ArrivesWithPlate()
    {
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(1), fixture.ServicesOf(1), SightingsInAnPhu, LiveGraphQL.Operator);
        using var _ = subscription;
        var plate = LiveTestCity.NewPlate();

        await SightAsync(plate.CanonicalKey, "cam-an-phu", LiveTestCity.AnPhuIntersection);

        var sighting = await recorder.WaitForAsync("sightings", s => s.GetProperty("plate").GetString() == plate.Display);
        Assert.Equal("MOTORBIKE", sighting.GetProperty("vehicleKind").GetString());
        Assert.False(sighting.GetProperty("watched").GetBoolean());
        Assert.Equal("Point", sighting.GetProperty("location").GetProperty("type").GetString());
        Assert.Equal("cam-an-phu", sighting.GetProperty("sightings")[0].GetProperty("cameraId").GetString());
    }

    /// <summary>
    /// A partner gets a watched plate's first sighting as an early warning, masked exactly as its watchlist query shows
    /// the plate (one mask for queries and subscriptions), and no later sighting: that would be the vehicle's route.
    /// </summary>
    [Fact]
    public async Task Alerts_Partner_FirstHitOnlyMaskedAsTheQueryMasksIt()
    {
        const string document = "subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert { plate watchedPlate cameraId first cropUrl } } }";
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0), document, LiveGraphQL.Partner);
        using var _ = subscription;
        var (operatorRecorder, operatorSubscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0), document, LiveGraphQL.Operator);
        using var __ = operatorSubscription;
        var plate = LiveTestCity.NewPlate();
        await fixture.Grains.GetGrain<IWatchlistGrain>(plate.ProvinceCode).AddAsync(
            new WatchlistRequest(plate.Display, "stolen motorbike", DateTimeOffset.UtcNow.AddMinutes(-5), "Nguyen Van A", LiveTestCity.AnPhu));
        var (first, second) = (LiveTestCity.NewId("cam-first"), LiveTestCity.NewId("cam-second"));

        await SightAsync(plate.CanonicalKey, first, LiveTestCity.AnPhuIntersection);
        await SightAsync(plate.CanonicalKey, second, LiveTestCity.ThaoDienCentre);

        await operatorRecorder.WaitForAsync("alerts", a => a.GetProperty("cameraId").GetString() == second);
        var hits = recorder.DataOf("alerts").Where(a => a.GetProperty("cameraId").GetString() is { } c && (c == first || c == second)).ToList();
        var hit = Assert.Single(hits);
        Assert.Equal(first, hit.GetProperty("cameraId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hit.GetProperty("cropUrl").ValueKind);
        var listed = LiveGraphQL.Serialize(await LiveGraphQL.ExecuteAsync(fixture.FullSchema, fixture.FullServices,
            "{ watchlist(first: 200) { nodes { plate plateKey reason } } }", LiveGraphQL.Partner));
        var entry = listed.GetProperty("data").GetProperty("watchlist").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("plate").GetString() == hit.GetProperty("plate").GetString() && n.GetProperty("reason").GetString() == "stolen motorbike");
        Assert.Equal($"59-X1 ***.{plate.Number[^2..]}", entry.GetProperty("plate").GetString());
        Assert.Equal(entry.GetProperty("plateKey").GetString(), hit.GetProperty("watchedPlate").GetString());
    }

    [Fact]
    public async Task Sightings_OutsideBbox_NothingArrives()
    {
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(1), fixture.ServicesOf(1), SightingsInAnPhu, LiveGraphQL.Operator);
        using var _ = subscription;
        var outside = LiveTestCity.NewPlate();
        var inside = LiveTestCity.NewPlate();

        await SightAsync(outside.CanonicalKey, "cam-thao-dien", LiveTestCity.ThaoDienCentre);
        await SightAsync(inside.CanonicalKey, "cam-an-phu", LiveTestCity.AnPhuIntersection);

        // Both went through the same stream in this order: once the inside one is here, the outside one would be too.
        await recorder.WaitForAsync("sightings", s => s.GetProperty("plate").GetString() == inside.Display);
        Assert.DoesNotContain(recorder.DataOf("sightings"), s => s.GetProperty("plate").GetString() == outside.Display);
    }

    [Fact]
    public async Task Alerts_WatchedPlateSighted_WatchlistHitArrives()
    {
        const string document = "subscription { alerts { __typename ... on WatchlistHitAlert { plate watchedPlate matchKind cameraId reason first location } } }";
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0), document, LiveGraphQL.Operator);
        using var _ = subscription;
        var plate = LiveTestCity.NewPlate();
        await fixture.Grains.GetGrain<IWatchlistGrain>(plate.ProvinceCode).AddAsync(
            new WatchlistRequest(plate.Display, "stolen motorbike", DateTimeOffset.UtcNow.AddMinutes(-5), "An Phú ward police", LiveTestCity.AnPhu));

        await SightAsync(plate.CanonicalKey, "cam-mai-chi-tho", LiveTestCity.AnPhuIntersection);

        var hit = await recorder.WaitForAsync("alerts", a => a.GetProperty("__typename").GetString() == "WatchlistHitAlert"
            && a.GetProperty("plate").GetString() == plate.Display);
        Assert.Equal(plate.CanonicalKey, hit.GetProperty("watchedPlate").GetString());
        Assert.Equal("EXACT", hit.GetProperty("matchKind").GetString());
        Assert.Equal("stolen motorbike", hit.GetProperty("reason").GetString());
        Assert.True(hit.GetProperty("first").GetBoolean());
    }

    [Fact]
    public async Task CameraStatus_OfflineKind_OnlyOfflineChangesArrive()
    {
        const string document = "subscription { cameraStatus(kinds: [OFFLINE]) { cameraId online wardCode } }";
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(1), fixture.ServicesOf(1), document, LiveGraphQL.Planner);
        using var _ = subscription;
        var camera = LiveTestCity.NewId("cam-status");
        var grain = fixture.Grains.GetGrain<ICameraGrain>(camera);
        await grain.RegisterAsync(LiveTestCity.Camera(new GeoPoint(106.752, 10.803)));

        await grain.SetStatusAsync(true, DateTimeOffset.UtcNow.AddSeconds(-2));
        await grain.SetStatusAsync(false, DateTimeOffset.UtcNow.AddSeconds(-1));

        var offline = await recorder.WaitForAsync("cameraStatus", c => c.GetProperty("cameraId").GetString() == camera);
        Assert.False(offline.GetProperty("online").GetBoolean());
        Assert.Single(recorder.DataOf("cameraStatus"), c => c.GetProperty("cameraId").GetString() == camera);
    }

    private Task SightAsync(string plateKey, string camera, GeoPoint at) =>
        fixture.Grains.GetGrain<IVehicleGrain>(plateKey).RecordSightingsAsync(LiveTestCity.Sighting(camera, at));
}
