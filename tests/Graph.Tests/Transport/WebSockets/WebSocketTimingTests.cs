using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>Behaviour that depends on settings: server pings, the operation cap, shutdown.</summary>
public sealed class WebSocketTimingTests : IAsyncLifetime
{
    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportHost.StartAsync(new Dictionary<string, string?>
    {
        ["CityTwin:GraphQL:WebSocket:PingInterval"] = "00:00:00.200",
        ["CityTwin:GraphQL:WebSocket:MaxOperationsPerConnection"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PingInterval_Set_ServerPingsAndAcceptsPong()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);

        var ping = await client.ReceiveAsync();
        await client.SendAsync(new { type = "pong" });
        var again = await client.ReceiveAsync();

        Assert.Equal("""{"type":"ping"}""", ping.GetRawText());
        Assert.Equal("ping", again.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_OverOperationCap_ErrorForThatOperationOnly()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("a", "subscription { ticks(channel: \"cap\") { seq } }");
        await client.SubscribeAsync("b", "subscription { ticks(channel: \"cap\") { seq } }");
        await _host.Hub.WaitForSubscribersAsync("cap", 2);
        await client.SubscribeAsync("c", "subscription { ticks(channel: \"cap\") { seq } }");

        var error = await NextNonPingAsync(client);
        _host.Hub.Publish("cap", new Tick(1, "x"));
        var delivered = new[] { await NextNonPingAsync(client), await NextNonPingAsync(client) };

        Assert.Equal(("c", "error"), (error.GetProperty("id").GetString(), error.GetProperty("type").GetString()));
        Assert.Equal("TOO_MANY_OPERATIONS", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["a", "b"], delivered.Select(m => m.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task Host_Stopping_ClosesSocketsWith1001()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("s", "subscription { ticks(channel: \"shutdown\") { seq } }");
        await _host.Hub.WaitForSubscribersAsync("shutdown");

        var stopping = _host.StopAsync();
        var (code, reason, _) = await client.ReceiveCloseAsync();
        await stopping;

        Assert.Equal((1001, "Server shutting down"), (code, reason));
        Assert.Equal(0, _host.Hub.Subscribers("shutdown"));
    }

    private static async Task<System.Text.Json.JsonElement> NextNonPingAsync(RawWebSocketClient client)
    {
        while (true)
        {
            var message = await client.ReceiveAsync();
            if (message.GetProperty("type").GetString() != "ping") return message;
        }
    }
}
