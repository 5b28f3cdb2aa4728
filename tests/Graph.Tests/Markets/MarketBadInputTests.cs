using System.Net;
using System.Text.Json;

namespace CityTwin.Graph.Tests.Markets;

/// <summary>
/// The bad input, each refused with a clear code while a good item beside it is not stored either (all or
/// nothing): negative and overflowing amounts, an unknown session or store, a session that ends before it starts, and
/// times in the future.
/// </summary>
[Collection(MarketsCollection.Name)]
public sealed class MarketBadInputTests(MarketsHost host)
{
    private async Task AssertRefusedAsync(TestMarket market, string code, int badIndex, object body)
    {
        var (status, answer) = await host.PostSignedAsync(JsonSerializer.Serialize(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(badIndex, error.GetProperty("index").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal((0L, 0L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task Orders_NegativeAmount_NegativeAmountAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        await AssertRefusedAsync(market, "NEGATIVE_AMOUNT", 1, new { marketId = market.MarketId, orders = new[] { market.Order("neg-ok"), market.Order("neg-bad", amount: -5) } });
    }

    [Fact]
    public async Task Orders_AmountBeyondAnyCounter_AmountOutOfRangeAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        var huge = market.Order("huge");
        huge["amountVnd"] = 92233720368547758070m;
        await AssertRefusedAsync(market, "AMOUNT_OUT_OF_RANGE", 1, new { marketId = market.MarketId, orders = new[] { market.Order("huge-ok"), huge } });
    }

    [Fact]
    public async Task Orders_UnknownSession_UnknownSessionAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        var stray = market.Order("stray-session");
        stray["sessionId"] = "no-such-session";
        await AssertRefusedAsync(market, "UNKNOWN_SESSION", 0, new { marketId = market.MarketId, orders = new[] { stray, market.Order("stray-ok") } });
    }

    [Fact]
    public async Task Orders_StoreNotHostingTheSession_UnknownStoreAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        var stray = market.Order("stray-store");
        stray["storeId"] = "store-cho-ben-thanh";
        await AssertRefusedAsync(market, "UNKNOWN_STORE", 0, new { marketId = market.MarketId, orders = new[] { stray } });
    }

    [Fact]
    public async Task Sessions_EndBeforeStart_EndsBeforeStartAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await AssertRefusedAsync(market, "ENDS_BEFORE_START", 0, new
        {
            marketId = market.MarketId,
            sessions = new[] { new { sessionId = market.MarketId + "-backwards", platform = "TikTok", hostStoreIds = market.Retailers, startedAt = start, endedAt = start.AddMinutes(-1) } },
            orders = new[] { market.Order("backwards-ok") },
        });
    }

    [Fact]
    public async Task Orders_PlacedInTheFuture_FutureTimeAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        await AssertRefusedAsync(market, "FUTURE_TIME", 1, new
        {
            marketId = market.MarketId,
            orders = new[] { market.Order("future-ok"), market.Order("future", placedAt: DateTimeOffset.UtcNow.AddHours(2)) },
        });
    }

    [Fact]
    public async Task Sessions_StartingInTheFuture_FutureTime()
    {
        var market = await host.NewMarketAsync();
        await AssertRefusedAsync(market, "FUTURE_TIME", 0, new
        {
            marketId = market.MarketId,
            sessions = new[] { new { sessionId = market.MarketId + "-later", platform = "TikTok", hostStoreIds = market.Retailers, startedAt = DateTimeOffset.UtcNow.AddDays(1) } },
        });
    }

    [Fact]
    public async Task RecordMarketOrders_GraphQLBatchWithOneBadItem_PerItemErrorAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        var body = await host.GraphQLAsync("""
            mutation($id: ID!, $orders: [MarketOrderInput!]) {
              recordMarketOrders(marketId: $id, orders: $orders) { accepted applied errors { item index code message } } }
            """, new
        {
            id = market.MarketId,
            orders = new object[] { market.Order("gql-ok"), market.Order("gql-neg", amount: -1) }.Select(o => ToGraphQL((Dictionary<string, object?>)o)),
        });

        var payload = body.GetProperty("data").GetProperty("recordMarketOrders");
        Assert.False(payload.GetProperty("accepted").GetBoolean());
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("order", 1, "NEGATIVE_AMOUNT"), (error.GetProperty("item").GetString(), error.GetProperty("index").GetInt32(), error.GetProperty("code").GetString()));
        Assert.Equal((0L, 0L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task RecordMarketOrders_PartnerKey_Forbidden()
    {
        var market = await host.NewMarketAsync();
        var body = await host.GraphQLAsync("""
            mutation($id: ID!) { recordMarketOrders(marketId: $id, orders: []) { accepted } }
            """, new { id = market.MarketId }, MarketsHost.PartnerKey);

        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>GraphQL enums are upper case (PAID) where the webhook's JSON takes the status name.</summary>
    internal static Dictionary<string, object?> ToGraphQL(Dictionary<string, object?> order)
    {
        var copy = new Dictionary<string, object?>(order) { ["status"] = ((string)order["status"]!).ToUpperInvariant() };
        return copy;
    }
}
