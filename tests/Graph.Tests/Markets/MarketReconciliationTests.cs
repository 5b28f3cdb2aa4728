using System.Net;
using System.Text.Json;

namespace CityTwin.Graph.Tests.Markets;

/// <summary>
/// A randomised stream of order events (several versions per order, statuses that come and go, orders moving between
/// sessions), duplicated, shuffled and posted concurrently in batches of random sizes, ends in the state the newest
/// version of each order gives, and every counter equals the count over the stored orders.
/// </summary>
[Collection(MarketsCollection.Name)]
public sealed class MarketReconciliationTests(MarketsHost host)
{
    private static readonly string[] Statuses = ["Placed", "Paid", "Cancelled", "Refunded"];

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task RandomisedOutOfOrderDuplicatedStream_TotalsMatchNewestVersions_ReconciliationExact(int seed)
    {
        var market = await host.NewMarketAsync(retailers: 4, sessions: 3);
        var random = new Random(seed);
        var events = new List<Dictionary<string, object?>>();
        var newest = new Dictionary<string, Dictionary<string, object?>>();
        for (var n = 0; n < 400; n++)
        {
            var id = $"{market.MarketId}-o{n}";
            var versions = 1 + random.Next(4);
            for (var v = 1; v <= versions; v++)
            {
                var order = market.Order(id, amount: 1_000 * random.Next(1, 900), status: Statuses[random.Next(Statuses.Length)], version: v);
                order["sessionId"] = market.Sessions[random.Next(market.Sessions.Count)];
                order["storeId"] = market.Retailers[random.Next(market.Retailers.Count)];
                events.Add(order);
                newest[id] = order;
            }
        }
        // Duplicates: a third of the events arrive twice or three times.
        events.AddRange(events.Where(_ => random.Next(3) == 0).SelectMany(e => Enumerable.Repeat(e, 1 + random.Next(2))).ToList());
        var shuffled = events.OrderBy(_ => random.Next()).ToList();
        var batches = new List<List<Dictionary<string, object?>>>();
        for (var i = 0; i < shuffled.Count;)
        {
            var size = 1 + random.Next(150);
            batches.Add(shuffled.Skip(i).Take(size).ToList());
            i += size;
        }

        var statuses = await Task.WhenAll(batches.Chunk(4).Select(async group =>
        {
            var results = new List<HttpStatusCode>();
            foreach (var batch in group)
            {
                var (status, body) = await host.PostSignedAsync(JsonSerializer.Serialize(new { marketId = market.MarketId, orders = batch }));
                Assert.True(status == HttpStatusCode.OK, body.ToString());
                results.Add(status);
            }
            return results;
        }));

        var counted = newest.Values.Where(o => (string)o["status"]! is "Placed" or "Paid").ToList();
        var (orders, revenue, _, exact) = await host.TotalsAsync(market.MarketId);
        Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(counted.Count, orders);
        Assert.Equal(counted.Sum(o => (long)o["amountVnd"]!), revenue);
        Assert.True(exact);

        var sessions = (await host.GraphQLAsync("query($id: ID!) { market(id: $id) { sessions { id orderCount revenueVnd } } }", new { id = market.MarketId }))
            .GetProperty("data").GetProperty("market").GetProperty("sessions").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => (s.GetProperty("orderCount").GetInt64(), s.GetProperty("revenueVnd").GetInt64()));
        foreach (var session in market.Sessions)
        {
            var mine = counted.Where(o => (string)o["sessionId"]! == session).ToList();
            Assert.Equal((mine.Count, mine.Sum(o => (long)o["amountVnd"]!)), sessions[session]);
        }
    }

    [Fact]
    public async Task Refund_AfterPayment_RevenueGoesBackDown()
    {
        var market = await host.NewMarketAsync();
        await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("refund-1", amount: 300_000, status: "Paid", version: 1)));
        Assert.Equal((1L, 300_000L, 1, true), await host.TotalsAsync(market.MarketId));

        await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("refund-1", amount: 300_000, status: "Refunded", version: 2)));

        Assert.Equal((0L, 0L, 1, true), await host.TotalsAsync(market.MarketId));
    }
}
