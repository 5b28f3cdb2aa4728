using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Graph.Webhooks;

namespace CityTwin.Graph.Cli;

/// <summary>
/// Drives a <see cref="ReplayMarketPlan"/> through a running host: the market office's mutations (with the operator's
/// development key) define the event and let the retailers join; the sessions and order events then go through the signed
/// webhook, paced by their own times divided by the speed (or as fast as the host takes them). It ends by reading the
/// market's totals and its reconciliation back and comparing them with the plan.
/// </summary>
public sealed class ReplayMarketRunner(HttpClient http, string operatorKey, string connectorId, string connectorSecret, TextWriter output)
{
    /// <summary>Events per webhook request: well under the webhook's batch limit, large enough to keep requests few.</summary>
    public const int BatchSize = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Replays the plan; null speed is as fast as possible. Returns the totals read back afterwards.</summary>
    public async Task<ReplayMarketOutcome> RunAsync(ReplayMarketPlan plan, double? speed, CancellationToken cancellationToken)
    {
        var scenario = plan.Scenario;
        var clock = Stopwatch.StartNew();
        await MutateAsync("""
            mutation($id: ID!, $name: String!, $organiser: String!, $from: DateTimeOffset!, $to: DateTimeOffset!) {
              defineMarketEvent(marketId: $id, name: $name, organiser: $organiser, startsAt: $from, endsAt: $to) { accepted errors { code message } } }
            """, new { id = scenario.MarketId, name = scenario.EventName, organiser = scenario.Organiser, from = scenario.StartsAt, to = plan.EndsAt },
            "defineMarketEvent", cancellationToken);
        await MutateAsync("""
            mutation($id: ID!, $retailers: [RetailerJoinInput!]!) { joinMarket(marketId: $id, retailers: $retailers) { accepted errors { code message } } }
            """, new { id = scenario.MarketId, retailers = plan.Retailers.Select(r => new { storeId = r.StoreId, name = r.Name, joinedAt = r.JoinedAt }) },
            "joinMarket", cancellationToken);
        await PostAsync(new MarketWebhookBody { MarketId = scenario.MarketId, Sessions = [.. plan.Sessions] }, cancellationToken);
        output.WriteLine($"replay {scenario.Slug}: event defined, {plan.Retailers.Count} retailers joined, {plan.Sessions.Count} sessions sent");

        var first = plan.Events[0].At;
        var batch = new List<MarketOrderInput?>(BatchSize);
        var sent = 0;
        foreach (var (at, orderEvent) in plan.Events)
        {
            if (speed is { } factor)
            {
                var due = TimeSpan.FromTicks((long)((at - first).Ticks / factor));
                // Send what is due before waiting, so the map sees each event near its own (scaled) time.
                if (batch.Count > 0 && due > clock.Elapsed) sent += await FlushAsync(scenario.MarketId, batch, cancellationToken);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
            batch.Add(orderEvent);
            if (batch.Count == BatchSize)
            {
                sent += await FlushAsync(scenario.MarketId, batch, cancellationToken);
                if (sent % 10_000 < BatchSize) output.WriteLine($"replay {scenario.Slug}: {sent:N0} of {plan.Events.Count:N0} order events sent");
            }
        }
        sent += await FlushAsync(scenario.MarketId, batch, cancellationToken);
        var wall = clock.Elapsed;

        var totals = await GraphQLAsync("""
            query($id: ID!) { market(id: $id) { retailerCount sessionCount orderCount revenueVnd } marketReconciliation(id: $id) { exact mismatches } }
            """, new { id = scenario.MarketId }, cancellationToken);
        var market = totals.GetProperty("data").GetProperty("market");
        var reconciliation = totals.GetProperty("data").GetProperty("marketReconciliation");
        return new ReplayMarketOutcome(sent, wall, market.GetProperty("retailerCount").GetInt32(), market.GetProperty("sessionCount").GetInt32(),
            market.GetProperty("orderCount").GetInt64(), market.GetProperty("revenueVnd").GetInt64(), reconciliation.GetProperty("exact").GetBoolean());
    }

    private async Task<int> FlushAsync(string marketId, List<MarketOrderInput?> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        await PostAsync(new MarketWebhookBody { MarketId = marketId, Orders = [.. batch] }, cancellationToken);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>
    /// POSTs one signed webhook request; retries a 503 (the events are idempotent) with a fresh signature, and a 429 (the
    /// connector's rate limit) once its Retry-After has passed.
    /// </summary>
    private async Task PostAsync(MarketWebhookBody body, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        // A retry inside the same second would carry the same signature and be refused as a replay.
        var retryDelay = TimeSpan.FromSeconds(1.1);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1) await Task.Delay(retryDelay, cancellationToken);
            var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, MarketOrdersWebhook.Path) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(WebhookSignature.ConnectorHeader, connectorId);
            request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(connectorSecret, stamp, bytes));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode == 503 && attempt < 5) continue;
            if ((int)response.StatusCode == 429 && attempt < 60)
            {
                retryDelay = TimeSpan.FromSeconds(Math.Max(1.1, response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1.1));
                continue;
            }
            throw new ReplayFailedException($"the webhook answered {(int)response.StatusCode}: {Shorten(text)}");
        }
    }

    private async Task MutateAsync(string query, object variables, string field, CancellationToken cancellationToken)
    {
        var result = await GraphQLAsync(query, variables, cancellationToken);
        var payload = result.GetProperty("data").GetProperty(field);
        if (!payload.GetProperty("accepted").GetBoolean())
            throw new ReplayFailedException($"{field} was refused: {Shorten(payload.GetProperty("errors").GetRawText())}");
    }

    private async Task<JsonElement> GraphQLAsync(string query, object variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new ReplayFailedException($"/graphql answered {(int)response.StatusCode}: {Shorten(text)}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        if (body.TryGetProperty("errors", out var errors)) throw new ReplayFailedException($"/graphql refused: {Shorten(errors.GetRawText())}");
        return body;
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
