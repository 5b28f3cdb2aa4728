using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Watchlists;

namespace CityTwin.Graph.Tests.PlateReads;

/// <summary>
/// A camera's read of a watched plate raises <c>watchlistHit</c> on a real graphql-transport-ws subscription, with a
/// crop URL that operators can open and partners cannot; a read from another province never does.
/// </summary>
[Collection(PlateReadsCollection.Name)]
public sealed class PlateReadAlertTests(PlateReadsHost host)
{
    private const string Alerts = """
        subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert { plate watchedPlate matchKind cameraId first cropUrl } } }
        """;

    private async Task WatchAsync(PlateNumber plate) =>
        await host.Grains.GetGrain<IWatchlistGrain>(plate.ProvinceCode).AddAsync(
            new WatchlistRequest(plate.Display, "stolen motorbike", DateTimeOffset.UtcNow.AddMinutes(-10), "An Phú ward police"));

    [Fact]
    public async Task WebhookRead_OneConfusionOfAWatchedPlate_AlertCarriesACropOnlyOperatorsMayOpen()
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);
        var watched = PlateReadsHost.NewPlate();
        await WatchAsync(watched);
        // The camera confused 8 with B: 59-X8 → 59-XB, the same bike.
        var misread = PlateNumber.Parse(watched.CanonicalKey.Replace("X8", "XB", StringComparison.Ordinal));
        var otherProvince = PlateNumber.Parse("51" + watched.CanonicalKey[2..]);
        byte[] crop = [.. PlateReadsHost.Jpeg[..^2], 0x42, 0xFF, 0xD9];
        await using var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, PlateReadsHost.OperatorKey);
        await socket.SubscribeAsync("hits", Alerts);
        await socket.RoundTripAsync();

        // The other province's read goes first: if it raised anything, that would be the first alert to arrive.
        var (otherStatus, _) = await host.PostReadsAsync(key, PlateReadsHost.ReadsBody((camera, otherProvince.Display, "prov", null)));
        var (status, _) = await host.PostReadsAsync(key, PlateReadsHost.ReadsBody((camera, misread.Display, "conf", crop)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (otherStatus, status));
        var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("next", message.GetProperty("type").GetString());
        var hit = message.GetProperty("payload").GetProperty("data").GetProperty("alerts");
        Assert.Equal(misread.Display, hit.GetProperty("plate").GetString());
        Assert.Equal(watched.CanonicalKey, hit.GetProperty("watchedPlate").GetString());
        Assert.Equal("ONE_CONFUSION", hit.GetProperty("matchKind").GetString());
        Assert.True(hit.GetProperty("first").GetBoolean());
        Assert.DoesNotContain(await socket.RoundTripAsync(),
            m => m.GetProperty("payload").GetProperty("data").GetProperty("alerts").GetProperty("plate").GetString() == otherProvince.Display);
        var url = hit.GetProperty("cropUrl").GetString()!;

        var operatorView = await host.GetAsync(url, PlateReadsHost.OperatorKey);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (operatorView.Status, operatorView.MediaType));
        Assert.Equal(crop, operatorView.Body);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(url, PlateReadsHost.PartnerKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(url, PlateReadsHost.PlannerKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(url, key)).Status);
        Assert.True((long)(await host.Database.ScalarAsync(
            $"SELECT count(*) FROM plate_lookups WHERE plate_key = '{misread.CanonicalKey}' AND operation = 'plateCrop'"))! >= 1);
    }

    [Fact]
    public async Task PartnerSubscription_HitWithCrop_PlateMaskedAndNoCropUrl()
    {
        var camera = await host.NewCameraAsync();
        var watched = PlateReadsHost.NewPlate();
        await WatchAsync(watched);
        await using var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, PlateReadsHost.PartnerKey);
        await socket.SubscribeAsync("hits", Alerts);
        await socket.RoundTripAsync();

        var (status, _) = await host.PostReadsAsync(PlateReadsHost.OperatorKey,
            PlateReadsHost.ReadsBody((camera, watched.Display, "partner", PlateReadsHost.Jpeg)));

        Assert.Equal(HttpStatusCode.OK, status);
        var hit = (await socket.ReceiveAsync(TimeSpan.FromSeconds(15))).GetProperty("payload").GetProperty("data").GetProperty("alerts");
        Assert.DoesNotContain(watched.Number[..3], hit.GetProperty("plate").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hit.GetProperty("cropUrl").ValueKind);
    }

    [Theory]
    [InlineData("subscription { alerts { __typename } }")]
    [InlineData("subscription { sightings { __typename } }")]
    [InlineData("subscription { cameraStatus { __typename } }")]
    public async Task CameraKey_AnySubscription_IsRefused(string document)
    {
        var camera = await host.NewCameraAsync();
        var key = await host.IssueCameraKeyAsync(camera);
        await using var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, key);

        await socket.SubscribeAsync("s", document);

        // The transport answers a resolver's refusal with one next carrying the error, then complete.
        var next = await socket.ReceiveAsync();
        var complete = await socket.ReceiveAsync();
        Assert.Equal("FORBIDDEN", next.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", complete.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/plates/crops/not-a-crop.jpg")]
    [InlineData("/plates/crops/0000000000000000000000000000000000000000000000000000000000000000.jpg")]
    public async Task CropUrl_UnknownCrop_Is404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(path, PlateReadsHost.OperatorKey)).Status);
}
