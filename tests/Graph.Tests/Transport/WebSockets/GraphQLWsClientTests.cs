using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>
/// The real npm graphql-ws client (node/graphql-ws-client.mjs) against the server: connect with the API key, a query,
/// a subscription it stops after N events, one the server completes, a refused one, and a clean close.
/// </summary>
public sealed class GraphQLWsClientTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private const int Events = 5;
    private readonly TransportHost _host = fixture.Host;

    [Fact]
    public async Task GraphQLWsClient_QuerySubscribeAndComplete_AllAsTheSpecSays()
    {
        using var node = await NodeScript.StartAsync(_host.WebSocketUrl, TransportHost.PlannerKey, Events);

        await _host.Hub.WaitForSubscribersAsync("npm", timeoutSeconds: 60);
        for (var seq = 1; seq <= Events + 3; seq++) _host.Hub.Publish("npm", new Tick(seq, $"event {seq}"));
        await _host.Hub.WaitForSubscribersAsync("npm", 0);
        await _host.Hub.WaitForSubscribersAsync("npm-end", timeoutSeconds: 30);
        _host.Hub.Publish("npm-end", new Tick(1, "last"));
        _host.Hub.Complete("npm-end");
        var lines = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("connected", Kind(lines.First()));
        Assert.Single(lines, l => Kind(l) == "connected");
        var query = lines.Single(l => Kind(l) == "query");
        Assert.Equal("complete", query.GetProperty("end").GetString());
        Assert.Equal("Planner", query.GetProperty("data").GetProperty("whoami").GetString());
        Assert.Equal(Enumerable.Range(1, Events), lines.Where(l => Kind(l) == "next").Select(l => l.GetProperty("seq").GetInt32()));
        var stream = lines.Single(l => Kind(l) == "stream");
        Assert.Equal(("client-complete", Events), (stream.GetProperty("end").GetString(), stream.GetProperty("count").GetInt32()));
        var ended = lines.Single(l => Kind(l) == "server-ended");
        Assert.Equal(("complete", 1), (ended.GetProperty("end").GetString(), ended.GetProperty("count").GetInt32()));
        var invalid = lines.Single(l => Kind(l) == "invalid");
        Assert.Equal(("error", "GRAPHQL_VALIDATION_FAILED"), (invalid.GetProperty("end").GetString(), invalid.GetProperty("code").GetString()));
        Assert.Equal(1000, lines.Single(l => Kind(l) == "closed").GetProperty("code").GetInt32());
        Assert.DoesNotContain(lines, l => Kind(l) == "failure");
    }

    [Fact]
    public async Task GraphQLWsClient_UnknownKey_ClosedWith4403()
    {
        using var node = await NodeScript.StartAsync(_host.WebSocketUrl, "not-a-key", Events);

        var lines = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var closed = lines.First(l => Kind(l) == "closed");
        Assert.Equal((4403, "Forbidden"), (closed.GetProperty("code").GetInt32(), closed.GetProperty("reason").GetString()));
        Assert.DoesNotContain(lines, l => Kind(l) == "connected");
    }

    private static string? Kind(JsonElement line) => line.GetProperty("kind").GetString();
}
