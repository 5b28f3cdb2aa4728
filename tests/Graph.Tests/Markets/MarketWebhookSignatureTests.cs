using System.Net;

namespace CityTwin.Graph.Tests.Markets;

/// <summary>The market webhook refuses unsigned, mis-signed, expired and replayed requests with 401, and stores nothing.</summary>
[Collection(MarketsCollection.Name)]
public sealed class MarketWebhookSignatureTests(MarketsHost host)
{
    [Fact]
    public async Task Post_WrongSecret_401AndNothingStored()
    {
        var market = await host.NewMarketAsync();
        var (status, body) = await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("sig-1")), secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("BAD_SIGNATURE", body.GetProperty("code").GetString());
        Assert.Equal((0L, 0L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task Post_SignedOutsideReplayWindow_401Expired()
    {
        var market = await host.NewMarketAsync();
        var (status, body) = await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("sig-2")), signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("EXPIRED", body.GetProperty("code").GetString());
        Assert.Equal((0L, 0L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task Post_SameSignedRequestTwice_SecondIs401Replayed()
    {
        var market = await host.NewMarketAsync();
        var json = MarketsHost.OrdersBody(market.MarketId, market.Order("sig-3"));
        var at = DateTimeOffset.UtcNow;

        var first = await host.PostSignedAsync(json, signedAt: at);
        var second = await host.PostSignedAsync(json, signedAt: at);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Equal("REPLAYED", second.Body.GetProperty("code").GetString());
        Assert.Equal((1L, 150_000L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task Post_NoSignatureHeaderValue_401()
    {
        var market = await host.NewMarketAsync();
        var (status, _) = await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("sig-4")), signature: "sha256=00");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal((0L, 0L, 1, true), await host.TotalsAsync(market.MarketId));
    }
}
