using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Graph.Webhooks;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Bench.Markets;

/// <summary>
/// <c>market-flash-sale</c>: a livestream flash sale through the product's host. Signed webhook requests of
/// <see cref="MarketFlashSaleSettings.Batch"/> order events each (new paid orders, one in twenty a duplicate) arrive
/// open-loop at the target rate; an operator's <c>marketUpdates</c> subscription times each batch from its scheduled send
/// to the WebSocket update carrying its order count. Afterwards the reconciliation must be exact, and both markets'
/// replays are timed at <c>--speed max</c>.
/// </summary>
public static class MarketFlashSaleBenchmark
{
    private const string OperatorKey = "bench-market-operator";
    private const string Connector = "bench-connector";
    private const string Secret = "bench-connector-secret";
    private const string MarketId = "store-bench-flash-sale";

    public static async Task<int> RunAsync(MarketFlashSaleSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (admin is null)
        {
            Console.Error.WriteLine($"no database: pass --db or set {TwinDbOptions.ConnectionStringVariable} (scripts/pg start prints one)");
            return 2;
        }
        await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
        var (app, url) = await StartHostAsync(database.ConnectionString);
        try
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            var sessions = await PrepareMarketAsync(app, http);
            var gcBefore = GcSnapshot.Take();
            await using var listener = await MarketUpdateListener.ConnectAsync(url, OperatorKey, MarketId);
            var result = await LoadAsync(http, settings, sessions);
            await Task.Delay(1000);
            var gc = GcSnapshot.Take().Since(gcBefore);
            // A batch is matched to the update carrying its order count; the stages split that time at the webhook's
            // answer (JSON read, validation, the grain's transaction and commit) and the live path after it.
            var matched = result.Sent.Where(s => listener.Arrivals.ContainsKey(s.Key)).ToList();
            var latencies = matched.Select(s => Stopwatch.GetElapsedTime(s.Value.Scheduled, listener.Arrivals[s.Key]).TotalMilliseconds).Order().ToArray();
            var answered = matched.Select(s => Stopwatch.GetElapsedTime(s.Value.Scheduled, s.Value.Answered).TotalMilliseconds).Order().ToArray();
            var reconciliation = await GraphQLAsync(http, "query($id: ID!) { marketReconciliation(id: $id) { exact ordersInTable mismatches } }", new { id = MarketId });
            var exact = reconciliation.GetProperty("marketReconciliation").GetProperty("exact").GetBoolean();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"market-flash-sale: {Environment.ProcessorCount} cores, {settings.Seconds} s at target {settings.Rate:0} events/s, batch {settings.Batch}, concurrency {settings.Concurrency}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  sent {result.Events:N0} order events in {result.Requests:N0} signed requests over {result.Elapsed.TotalSeconds:0.0} s: {result.Events / result.Elapsed.TotalSeconds:0} events/s accepted, {result.Failures} failed requests"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  order → marketUpdates over WebSocket ({latencies.Length} of {result.Sent.Count} batches matched): p50 {Percentile(latencies, 0.5):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {(latencies.Length > 0 ? latencies[^1] : double.NaN):0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  stage: scheduled send → webhook answered (after the commit): p50 {Percentile(answered, 0.5):0} ms, p99 {Percentile(answered, 0.99):0} ms"));
            Console.WriteLine($"  {gc}");
            Console.WriteLine($"  reconciliation: {(exact ? "exact" : "NOT exact")} ({reconciliation.GetProperty("marketReconciliation").GetProperty("ordersInTable").GetInt64():N0} counted orders)");
            if (settings.Replays)
                foreach (var scenario in ReplayMarketScenario.All)
                {
                    var plan = ReplayMarketPlan.Create(scenario);
                    var outcome = await new ReplayMarketRunner(http, OperatorKey, Connector, Secret, TextWriter.Null).RunAsync(plan, null, CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  replay {scenario.Slug} --speed max: {outcome.EventsSent:N0} order events in {outcome.Wall.TotalSeconds:0.0} s; {outcome.OrderCount:N0} orders, {outcome.RevenueVnd:N0} VND, reconciliation {(outcome.ReconciliationExact ? "exact" : "NOT exact")}"));
                }
            return exact && result.Failures == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Stopwatch ticks of a batch's scheduled send and of the webhook's answer to it.</summary>
    private readonly record struct BatchTimes(long Scheduled, long Answered);

    private sealed record LoadResult(ConcurrentDictionary<long, BatchTimes> Sent, long Events, int Requests, int Failures, TimeSpan Elapsed);

    private static async Task<LoadResult> LoadAsync(HttpClient http, MarketFlashSaleSettings settings, IReadOnlyList<string> sessions)
    {
        var sent = new ConcurrentDictionary<long, BatchTimes>();
        var gate = new SemaphoreSlim(settings.Concurrency);
        var requests = (int)Math.Ceiling(settings.Rate * settings.Seconds / settings.Batch);
        var interval = TimeSpan.FromSeconds(settings.Batch / settings.Rate);
        long events = 0;
        var failures = 0;
        var placed = DateTimeOffset.UtcNow.AddMinutes(-1);
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task>();
        for (var r = 0; r < requests; r++)
        {
            var due = interval * r;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var scheduled = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            var orders = Enumerable.Range(0, settings.Batch).Select(i =>
            {
                // One event in twenty repeats an order of the previous request: a duplicate the ledger must ignore.
                var n = i % 20 == 19 && r > 0 ? (r - 1) * settings.Batch + i : r * settings.Batch + i;
                var session = sessions[n % sessions.Count];
                return new { platform = "TikTok", platformOrderId = $"flash-{n}", sessionId = session, storeId = $"{MarketId}-r{n % sessions.Count}",
                    amountVnd = 1_000L * (50 + n % 400), items = 1, placedAt = placed, status = "Paid", version = 1L };
            }).ToList();
            var body = JsonSerializer.SerializeToUtf8Bytes(new { marketId = MarketId, orders });
            await gate.WaitAsync();
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var totals = await PostAsync(http, body);
                    if (totals is { } count) sent.TryAdd(count, new BatchTimes(scheduled, Stopwatch.GetTimestamp()));
                    else Interlocked.Increment(ref failures);
                    Interlocked.Add(ref events, settings.Batch);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        return new LoadResult(sent, events, requests, failures, clock.Elapsed);
    }

    /// <summary>Posts one signed request; the market's order count after it, or null when refused.</summary>
    private static async Task<long?> PostAsync(HttpClient http, byte[] body)
    {
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, MarketOrdersWebhook.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.ConnectorHeader, Connector);
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(Secret, stamp, body));
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) return null;
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("totals").GetProperty("orderCount").GetInt64();
    }

    /// <summary>A market with 10 retailers and 10 TikTok sessions, one retailer hosting each.</summary>
    private static async Task<IReadOnlyList<string>> PrepareMarketAsync(WebApplication app, HttpClient http)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IStoreGrain>(MarketId).RegisterAsync(new StoreDefinition(new Place("Chợ flash sale", "26824", new GeoPoint(106.7558, 10.8503)), StoreKind.Market));
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        await GraphQLAsync(http, """
            mutation($id: ID!, $from: DateTimeOffset!, $to: DateTimeOffset!) { defineMarketEvent(marketId: $id, name: "Flash sale", organiser: "Bench", startsAt: $from, endsAt: $to) { accepted } }
            """, new { id = MarketId, from = started, to = started.AddDays(1) });
        await GraphQLAsync(http, """
            mutation($id: ID!, $retailers: [RetailerJoinInput!]!) { joinMarket(marketId: $id, retailers: $retailers) { accepted } }
            """, new { id = MarketId, retailers = Enumerable.Range(0, 10).Select(i => new { storeId = $"{MarketId}-r{i}", name = $"Sạp {i}", joinedAt = started }) });
        var sessions = Enumerable.Range(0, 10).Select(i => $"flash-live-{i}").ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            marketId = MarketId,
            sessions = sessions.Select((s, i) => new { sessionId = s, platform = "TikTok", hostStoreIds = new[] { $"{MarketId}-r{i}" }, startedAt = started, peakViewers = 5000 }),
        });
        if (await PostAsync(http, body) is null) throw new InvalidOperationException("the sessions were refused");
        return sessions;
    }

    private static async Task<JsonElement> GraphQLAsync(HttpClient http, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors)) throw new InvalidOperationException(errors.ToString());
        return body.GetProperty("data");
    }

    private static async Task<(WebApplication App, Uri Url)> StartHostAsync(string connectionString)
    {
        var url = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-bench-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            [$"CityTwin:Markets:Webhook:Connectors:{Connector}"] = Secret,
            ["CityTwin:Markets:Webhook:ConnectorsFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-bench-no-connectors-{Guid.NewGuid():N}.json"),
            // The flash sale's one connector gets the budget such a platform would be given, so small batches (many
            // requests a second) measure the pipeline, not the default per-connector limit.
            [$"CityTwin:Markets:Webhook:RateLimit:Connectors:{Connector}:RequestsPerSecond"] = "10000",
            [$"CityTwin:Markets:Webhook:RateLimit:Connectors:{Connector}:Burst"] = "10000",
            ["CityTwin:GraphQL:RateLimit:PermitsPerSecond"] = "0",
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
        });
        builder.AddCityTwinHost(new HostSettings(url.ToString().TrimEnd('/'), connectionString, LoadDemoCity: true, Loopback.FreePort(), Loopback.FreePort()));
        var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = url };
        for (var deadline = DateTime.UtcNow.AddSeconds(120); !(await http.GetAsync("/healthz")).IsSuccessStatusCode; await Task.Delay(200))
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy within 120 s");
        return (app, url);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
