using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Auth;

/// <summary>Per-key token buckets: a key over its rate gets 429 (HTTP) or 4429 (WebSocket); other keys are untouched.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportHost.StartAsync(new Dictionary<string, string?>
    {
        ["CityTwin:GraphQL:RateLimit:PermitsPerSecond"] = "1",
        ["CityTwin:GraphQL:RateLimit:Burst"] = "3",
        ["CityTwin:GraphQL:RateLimit:SubscribesPerSecond"] = "1",
        ["CityTwin:GraphQL:RateLimit:SubscribeBurst"] = "3",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Http_KeyOverItsRate_Returns429WithRetryAfterWhileOtherKeysPass()
    {
        using var partner = _host.CreateHttpClient(TransportHost.PartnerKey);
        using var planner = _host.CreateHttpClient(TransportHost.PlannerKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await partner.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }))).Status);
        var (limited, _, body, response) = await partner.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }, GraphQLResponseJson));
        var other = await planner.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }));

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Equal("RATE_LIMITED", body.FirstErrorCode());
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task WebSocket_SubscribesOverTheRate_Closes4429()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl, TransportHost.OperatorKey);
        for (var i = 0; i < 5; i++)
            await client.SubscribeAsync($"q{i}", "{ hello }");

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4429, code);
        Assert.Equal("Rate limit exceeded for this API key", reason);
    }
}
