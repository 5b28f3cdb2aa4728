using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using CityTwin.Graph.Webhooks;

namespace CityTwin.Graph.Tests.Markets;

/// <summary>
/// The per-connector budget of the signed webhooks (<c>CityTwin:Markets:Webhook:RateLimit</c>): past it a connector gets
/// 429 with Retry-After and the code RATE_LIMITED, nothing of the refused request is stored, the refusal is counted on
/// the webhooks' meter, and other connectors are not held back.
/// </summary>
[Collection(MarketsCollection.Name)]
public sealed class MarketWebhookRateLimitTests(MarketsHost host)
{
    private const int Requests = 8;

    [Fact]
    public async Task Post_ConnectorOverBudget_429WithRetryAfterCountedAndNothingStored()
    {
        var market = await host.NewMarketAsync();
        using var refusals = new RefusalCounter(MarketsHost.ThrottledConnectorId);
        var bodies = Enumerable.Range(0, Requests).Select(i => MarketsHost.OrdersBody(market.MarketId, market.Order($"limit-{i}", amount: 10_000))).ToList();

        // Eight requests at once against a bucket of three that refills one a second: some must be refused.
        var answers = await Task.WhenAll(bodies.Select(b =>
            host.PostSignedWithHeadersAsync(b, secret: MarketsHost.ThrottledConnectorSecret, connector: MarketsHost.ThrottledConnectorId)));

        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.All(refused, a =>
        {
            Assert.Equal("RATE_LIMITED", a.Body.GetProperty("code").GetString());
            Assert.Contains(MarketsHost.ThrottledConnectorId, a.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(a.RetryAfter >= TimeSpan.FromSeconds(1), $"Retry-After was {a.RetryAfter}");
        });
        Assert.Equal(refused.Count, refusals.Total);
        var accepted = answers.Count(a => a.Status == HttpStatusCode.OK);
        Assert.Equal((accepted, accepted * 10_000L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task Post_RefusedRequestSentAgainAfterRetryAfter_Stored()
    {
        var market = await host.NewMarketAsync();
        var stored = 0;
        for (var i = 0; i < Requests; i++)
        {
            var body = MarketsHost.OrdersBody(market.MarketId, market.Order($"again-{i}", amount: 20_000));
            // A refused request is sent again, as it is, once Retry-After has passed; each order is stored exactly once.
            for (var attempt = 0; ; attempt++)
            {
                var (status, answer, retryAfter) = await host.PostSignedWithHeadersAsync(body, secret: MarketsHost.ThrottledConnectorSecret,
                    connector: MarketsHost.ThrottledConnectorId);
                if (status == HttpStatusCode.OK)
                {
                    stored++;
                    break;
                }
                Assert.True(status == HttpStatusCode.TooManyRequests && attempt < 10, answer.ToString());
                await Task.Delay(retryAfter ?? TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal(Requests, stored);
        Assert.Equal((Requests, Requests * 20_000L, 1, true), await host.TotalsAsync(market.MarketId));
    }

    [Fact]
    public async Task Post_ClassroomOverConnectorBudget_429AndOtherConnectorStillServed()
    {
        var market = await host.NewMarketAsync();

        // The classroom webhook spends the same per-connector bucket as the market webhook.
        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => host.PostSignedAsync("{}", path: ClassroomWebhook.Path,
            secret: MarketsHost.ThrottledConnectorSecret, connector: MarketsHost.ThrottledConnectorId)));
        var (mine, body) = await host.PostSignedAsync(MarketsHost.OrdersBody(market.MarketId, market.Order("other-connector", amount: 5_000)));

        Assert.Contains(answers, a => a.Status == HttpStatusCode.TooManyRequests && a.Body.GetProperty("code").GetString() == "RATE_LIMITED");
        Assert.True(mine == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>Sums <c>citytwin.webhooks.rate_limited</c> for one connector, as a metrics exporter would see it.</summary>
    private sealed class RefusalCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<long> seen = new();

        public RefusalCounter(string connector)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ConnectorRateLimiter.MeterName && instrument.Name == "citytwin.webhooks.rate_limited") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "connector" && Equals(tag.Value, connector)) seen.Enqueue(value);
            });
            listener.Start();
        }

        public long Total => seen.Sum();

        public void Dispose() => listener.Dispose();
    }
}
