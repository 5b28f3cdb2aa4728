using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CityTwin.Graph.Webhooks;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Stores;

namespace CityTwin.Browser.Tests.Support;

/// <summary>
/// A small market on the running host (a fresh store of kind Market with its event, two retailers and one livestream
/// session) and its order stream, sent through the signed webhook as a platform connector would.
/// </summary>
public sealed class MarketStream(MapHost host, string marketId, string sessionId, string retailerId, DateTimeOffset sessionStart)
{
    public string MarketId { get; } = marketId;
    public string SessionId { get; } = sessionId;
    public GeoPoint Location { get; } = new(106.7712, 10.8436);
    private int sent;

    /// <summary>A new market, with a fresh id unless <paramref name="marketId"/> names one (a market key's own market).</summary>
    public static async Task<MarketStream> CreateAsync(MapHost host, string? marketId = null)
    {
        marketId ??= $"store-map-market-{Guid.NewGuid():N}"[..30];
        var retailer = marketId + "-r1";
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var stream = new MarketStream(host, marketId, marketId + "-s1", retailer, start);
        await host.Grains.GetGrain<IStoreGrain>(marketId).RegisterAsync(
            new StoreDefinition(new Place("Chợ livestream thử", "26824", stream.Location), StoreKind.Market));
        await host.GraphQLAsync("""
            mutation($id: ID!, $from: DateTimeOffset!, $to: DateTimeOffset!) {
              defineMarketEvent(marketId: $id, name: "Chợ livestream thử", organiser: "Ban quản lý chợ", startsAt: $from, endsAt: $to) { accepted } }
            """, new { id = marketId, from = start.AddHours(-1), to = start.AddDays(1) });
        await host.GraphQLAsync("""
            mutation($id: ID!, $retailers: [RetailerJoinInput!]!) { joinMarket(marketId: $id, retailers: $retailers) { accepted } }
            """, new { id = marketId, retailers = new[] { new { storeId = retailer, name = "Sạp rau Cô Ba", joinedAt = start.AddMinutes(-5) } } });
        await stream.PostAsync(new
        {
            marketId,
            sessions = new[] { new { sessionId = stream.SessionId, platform = "TikTok", hostStoreIds = new[] { retailer }, startedAt = start, peakViewers = 800 } },
        });
        return stream;
    }

    /// <summary>Sends <paramref name="count"/> new paid orders of the session (one signed request); returns their revenue.</summary>
    public async Task<long> SendOrdersAsync(int count, long amountVnd = 120_000)
    {
        var orders = Enumerable.Range(sent, count).Select(i => new
        {
            platform = "TikTok",
            platformOrderId = $"{MarketId}-o{i}",
            sessionId = SessionId,
            storeId = retailerId,
            amountVnd,
            items = 1,
            placedAt = sessionStart.AddMinutes(1 + i % 25),
            status = "Paid",
            version = 1,
            buyerPhone = "0903123456",
        }).ToList();
        sent += count;
        await PostAsync(new { marketId = MarketId, orders });
        return count * amountVnd;
    }

    private async Task PostAsync(object payload)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload));
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var client = host.CreateHttpClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, MarketOrdersWebhook.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.ConnectorHeader, MapHost.ConnectorId);
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(MapHost.ConnectorSecret, stamp, body));
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"webhook: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
