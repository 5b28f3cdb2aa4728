using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Markets;

/// <summary><c>marketUpdates</c> and <c>sessionUpdates</c> over a real WebSocket, and who may subscribe to which market.</summary>
[Collection(MarketsCollection.Name)]
public sealed class MarketLiveTests(MarketsHost host)
{
    [Fact]
    public async Task MarketUpdates_OrderPosted_TotalsArriveOverWebSocket()
    {
        var market = await host.NewMarketAsync();
        await using var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, MarketsHost.OperatorKey);
        await socket.SubscribeAsync("m", "subscription($id: ID) { marketUpdates(marketId: $id) { marketId orderCount revenueVnd sessionCount } }", new { id = market.MarketId });
        await socket.SubscribeAsync("s", "subscription($id: ID) { sessionUpdates(marketId: $id) { sessionId orderCount revenueVnd } }", new { id = market.MarketId });
        await Task.Delay(300);

        await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("live-1", amount: 99_000)));

        // Updates from setting the market up (no orders yet) may still be on their way: wait for the ones with the order.
        var seen = new Dictionary<string, JsonElement>();
        static bool HasOrder(Dictionary<string, JsonElement> seen, string id, string field) =>
            seen.TryGetValue(id, out var data) && data.GetProperty(field).GetProperty("orderCount").GetInt64() > 0;
        while (!HasOrder(seen, "m", "marketUpdates") || !HasOrder(seen, "s", "sessionUpdates"))
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(10));
            if (message.GetProperty("type").GetString() == "next") seen[message.GetProperty("id").GetString()!] = message.GetProperty("payload").GetProperty("data");
        }
        var totals = seen["m"].GetProperty("marketUpdates");
        Assert.Equal((market.MarketId, 1L, 99_000L), (totals.GetProperty("marketId").GetString(), totals.GetProperty("orderCount").GetInt64(), totals.GetProperty("revenueVnd").GetInt64()));
        var session = seen["s"].GetProperty("sessionUpdates");
        Assert.Equal((market.Sessions[0], 1L), (session.GetProperty("sessionId").GetString(), session.GetProperty("orderCount").GetInt64()));
    }

    [Fact]
    public async Task MarketUpdates_MarketKeyForAnotherMarket_Forbidden()
    {
        await using var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, MarketsHost.BenThanhKey);
        await socket.SubscribeAsync("x", """subscription { marketUpdates(marketId: "store-cho-thu-duc") { orderCount } }""");

        var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(10));
        // Execution errors come as one "next" with errors, then "complete" (graphql-transport-ws).
        Assert.Equal("next", message.GetProperty("type").GetString());
        Assert.Equal("FORBIDDEN", message.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task MarketTotals_ReadByOwnMarketKeyButNotByPartner()
    {
        var benThanh = CityTwin.Graph.Cli.ReplayMarketScenario.BenThanh;
        await host.GraphQLAsync("""
            mutation($id: ID!, $from: DateTimeOffset!, $to: DateTimeOffset!) {
              defineMarketEvent(marketId: $id, name: "Chợ Bến Thành livestream", organiser: "Ban quản lý chợ Bến Thành", startsAt: $from, endsAt: $to) { accepted } }
            """, new { id = benThanh.MarketId, from = benThanh.StartsAt, to = benThanh.StartsAt.AddDays(benThanh.Days) });
        var other = await host.NewMarketAsync(sessions: 0);
        var own = await host.GraphQLAsync("""{ market(id: "store-cho-ben-thanh") { name orderCount } }""", key: MarketsHost.BenThanhKey);
        var partner = await host.GraphQLAsync("query($id: ID!) { market(id: $id) { name orderCount } }", new { id = other.MarketId }, MarketsHost.PartnerKey);

        Assert.False(own.TryGetProperty("errors", out _), own.ToString());
        Assert.Equal(JsonValueKind.Number, own.GetProperty("data").GetProperty("market").GetProperty("orderCount").ValueKind);
        Assert.Equal("FORBIDDEN", partner.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
