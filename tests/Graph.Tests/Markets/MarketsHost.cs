using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Graph.Webhooks;
using CityTwin.Testing;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.Markets;

/// <summary>
/// The host as <c>citytwin serve</c> builds it (real Kestrel, the silo, PostGIS, the demo city) with an operator key in a
/// keys file (as <c>./run</c> writes it), a partner key, a key for the Bến Thành market, and one connector secret in a
/// connectors file, so the replay command can read both files as it does on a developer's machine. The classroom tests
/// share it: the same host with a schools' office key and the same connector for the classroom webhook.
/// </summary>
public sealed class MarketsHost : IAsyncLifetime
{
    public const string OperatorKey = "markets-operator-key-71c2";
    public const string PartnerKey = "markets-partner-key-0b9d";
    public const string BenThanhKey = "markets-ben-thanh-key-4e11";
    public const string SchoolOfficeKey = "markets-school-office-key-93a0";
    public const string ConnectorId = "test-connector";
    public const string ConnectorSecret = "markets-connector-secret-5d0e9a";

    /// <summary>A second connector with a budget of one request a second and a burst of three (the rate-limit tests).</summary>
    public const string ThrottledConnectorId = "throttled-connector";
    public const string ThrottledConnectorSecret = "throttled-connector-secret-77b1";

    /// <summary>Thủ Đức ward (GSO 26824), where test markets are registered.</summary>
    public const string WardCode = "26824";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"citytwin-markets-{Guid.NewGuid():N}");
    private WebApplication? app;

    public TestDatabase Database { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebSocketUrl => new($"ws://{BaseUrl.Authority}/graphql");

    public string KeysFile => Path.Combine(folder, "dev-keys.json");

    public string ConnectorsFile => Path.Combine(folder, "dev-connectors.json");

    public IGrainFactory Grains => app!.Services.GetRequiredService<IGrainFactory>();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(120) };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(KeysFile, JsonSerializer.Serialize(new { @operator = OperatorKey }));
        await File.WriteAllTextAsync(ConnectorsFile, JsonSerializer.Serialize(new Dictionary<string, string> { [ConnectorId] = ConnectorSecret }));
        await Database.InitializeAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = KeysFile,
            [$"CityTwin:ApiKeys:{PartnerKey}"] = "partner",
            [$"CityTwin:ApiKeys:{BenThanhKey}"] = "market:store-cho-ben-thanh",
            [$"CityTwin:ApiKeys:{SchoolOfficeKey}"] = "schooloffice",
            ["CityTwin:Markets:Webhook:ConnectorsFile"] = ConnectorsFile,
            [$"CityTwin:Markets:Webhook:Connectors:{ThrottledConnectorId}"] = ThrottledConnectorSecret,
            [$"CityTwin:Markets:Webhook:RateLimit:Connectors:{ThrottledConnectorId}:RequestsPerSecond"] = "1",
            [$"CityTwin:Markets:Webhook:RateLimit:Connectors:{ThrottledConnectorId}:Burst"] = "3",
            // Tests never take the DICOM SCP's port 11112 (another host on this machine may hold it).
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
        });
        builder.AddCityTwinHost(new HostSettings(BaseUrl.ToString().TrimEnd('/'), Database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        Http.BaseAddress = BaseUrl;
        for (var deadline = DateTime.UtcNow.AddSeconds(120); ; await Task.Delay(200))
        {
            using var response = await Http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy within 120 s");
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await Database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Runs a GraphQL document over HTTP and returns the whole JSON body.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null, string key = OperatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>POSTs a body to the market webhook, signed with the connector's secret at <paramref name="signedAt"/> (default now).</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PostSignedAsync(string body, DateTimeOffset? signedAt = null,
        string secret = ConnectorSecret, string? signature = null, string path = MarketOrdersWebhook.Path, string connector = ConnectorId)
    {
        var (status, answer, _) = await PostSignedWithHeadersAsync(body, signedAt, secret, signature, path, connector);
        return (status, answer);
    }

    /// <summary>As <see cref="PostSignedAsync"/>, with the response's Retry-After (null when absent).</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body, TimeSpan? RetryAfter)> PostSignedWithHeadersAsync(string body,
        DateTimeOffset? signedAt = null, string secret = ConnectorSecret, string? signature = null, string path = MarketOrdersWebhook.Path,
        string connector = ConnectorId)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var stamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.ConnectorHeader, connector);
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, signature ?? WebhookSignature.Compute(secret, stamp, bytes));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>
    /// A fresh market (a store of kind Market in Thủ Đức ward) with its event defined, <paramref name="retailers"/> retailers
    /// joined, and one TikTok session per entry of <paramref name="sessions"/> hosted by the first retailer.
    /// </summary>
    public async Task<TestMarket> NewMarketAsync(int retailers = 2, int sessions = 1)
    {
        var marketId = $"store-test-market-{Guid.NewGuid():N}"[..32];
        await Grains.GetGrain<IStoreGrain>(marketId).RegisterAsync(new StoreDefinition(new Place("Chợ thử nghiệm", WardCode, new GeoPoint(106.7558, 10.8503)), StoreKind.Market));
        var started = DateTimeOffset.UtcNow.AddHours(-3);
        var define = await GraphQLAsync("""
            mutation($id: ID!, $from: DateTimeOffset!, $to: DateTimeOffset!) {
              defineMarketEvent(marketId: $id, name: "Phiên chợ thử", organiser: "Ban quản lý", startsAt: $from, endsAt: $to) { accepted errors { code } } }
            """, new { id = marketId, from = started.AddDays(-1), to = started.AddDays(2) });
        Assert.True(define.GetProperty("data").GetProperty("defineMarketEvent").GetProperty("accepted").GetBoolean(), define.ToString());
        var stores = Enumerable.Range(1, retailers).Select(i => $"{marketId}-r{i}").ToList();
        var join = await GraphQLAsync("""
            mutation($id: ID!, $retailers: [RetailerJoinInput!]!) { joinMarket(marketId: $id, retailers: $retailers) { accepted errors { code message } } }
            """, new { id = marketId, retailers = stores.Select(s => new { storeId = s, name = "Sạp " + s[^2..], joinedAt = started.AddHours(-1) }) });
        Assert.True(join.GetProperty("data").GetProperty("joinMarket").GetProperty("accepted").GetBoolean(), join.ToString());
        var sessionIds = Enumerable.Range(1, sessions).Select(i => $"{marketId}-s{i}").ToList();
        if (sessions > 0)
        {
            var (status, body) = await PostSignedAsync(JsonSerializer.Serialize(new
            {
                marketId,
                sessions = sessionIds.Select(s => new { sessionId = s, platform = "TikTok", hostStoreIds = stores, startedAt = started, peakViewers = 1200 }),
            }));
            Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        }
        return new TestMarket(marketId, stores, sessionIds, started);
    }

    /// <summary>The market's totals and its reconciliation as the operator reads them.</summary>
    public async Task<(long Orders, long Revenue, int Sessions, bool Exact)> TotalsAsync(string marketId)
    {
        var body = await GraphQLAsync("""
            query($id: ID!) { market(id: $id) { orderCount revenueVnd sessionCount } marketReconciliation(id: $id) { exact mismatches } }
            """, new { id = marketId });
        var market = body.GetProperty("data").GetProperty("market");
        var reconciliation = body.GetProperty("data").GetProperty("marketReconciliation");
        return (market.GetProperty("orderCount").GetInt64(), market.GetProperty("revenueVnd").GetInt64(), market.GetProperty("sessionCount").GetInt32(),
            reconciliation.GetProperty("exact").GetBoolean());
    }

    /// <summary>A webhook body of order events for <paramref name="marketId"/>.</summary>
    public static string OrdersBody(string marketId, params object[] orders) => JsonSerializer.Serialize(new { marketId, orders });
}

/// <summary>A market made by <see cref="MarketsHost.NewMarketAsync"/>.</summary>
public sealed record TestMarket(string MarketId, IReadOnlyList<string> Retailers, IReadOnlyList<string> Sessions, DateTimeOffset SessionStart)
{
    /// <summary>A valid order event of the first session and retailer, with fields overridable by the caller.</summary>
    public Dictionary<string, object?> Order(string orderId, long amount = 150_000, string status = "Paid", long version = 1, DateTimeOffset? placedAt = null) => new()
    {
        ["platform"] = "TikTok",
        ["platformOrderId"] = orderId,
        ["sessionId"] = Sessions[0],
        ["storeId"] = Retailers[0],
        ["amountVnd"] = amount,
        ["items"] = 1,
        ["placedAt"] = placedAt ?? SessionStart.AddMinutes(5),
        ["status"] = status,
        ["version"] = version,
        ["buyerPhone"] = "0903123456",
    };
}

/// <summary>Tests that share one <see cref="MarketsHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MarketsCollection : ICollectionFixture<MarketsHost>
{
    public const string Name = "markets host";
}
