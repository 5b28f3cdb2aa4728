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

    [Fact]
    public async Task Sightings_PartnerInsideBbox_ArrivesMasked()
    {
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0), SightingsInAnPhu, LiveGraphQL.Partner);
        using var _ = subscription;
        var plate = LiveTestCity.NewPlate();
        var camera = LiveTestCity.NewId("cam-partner");

        await SightAsync(plate.CanonicalKey, camera, LiveTestCity.AnPhuIntersection);

        var sighting = await recorder.WaitForAsync("sightings", s => s.GetProperty("sightings")[0].GetProperty("cameraId").GetString() == camera);
        Assert.Equal($"59-X1 ***.{plate.Number[^2..]}", sighting.GetProperty("plate").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sighting.GetProperty("watched").ValueKind);
        Assert.DoesNotContain(plate.Number, recorder.Results.Received.Single().GetRawText());
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
