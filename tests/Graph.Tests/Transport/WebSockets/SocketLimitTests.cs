using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>
/// Subscribing is budgeted apart from requests, so one partner backend opens 1,000 subscriptions with the default
/// rate limit; sockets are bounded per key and per address (4429 with the reason), over real WebSockets.
/// </summary>
public sealed class SocketLimitTests
{
    private static Task<TransportHost> StartAsync(int perKey = 50, int perAddress = 200) => TransportHost.StartAsync(new Dictionary<string, string?>
    {
        // The product defaults, not the test host's generous ones.
        ["CityTwin:GraphQL:RateLimit:PermitsPerSecond"] = "100",
        ["CityTwin:GraphQL:RateLimit:Burst"] = "500",
        ["CityTwin:GraphQL:WebSocket:MaxSocketsPerKey"] = perKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CityTwin:GraphQL:WebSocket:MaxSocketsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task PartnerBackend_1000Subscriptions_AllRunAndReceive()
    {
        await using var host = await StartAsync();
        var sockets = new List<RawWebSocketClient>();
        try
        {
            for (var s = 0; s < 10; s++)
            {
                var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, TransportHost.PartnerKey);
                sockets.Add(socket);
                for (var i = 0; i < 100; i++)
                    await socket.SubscribeAsync($"s{s}-{i}", """subscription { ticks(channel: "backend") { seq } }""");
            }
            await host.Hub.WaitForSubscribersAsync("backend", 1000, timeoutSeconds: 60);

            host.Hub.Publish("backend", new Tick(1, "one"));

            var received = 0;
            foreach (var socket in sockets)
            {
                for (var i = 0; i < 100; i++)
                {
                    var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(30));
                    Assert.Equal("next", message.GetProperty("type").GetString());
                    received++;
                }
            }
            Assert.Equal(1000, received);
        }
        finally
        {
            foreach (var socket in sockets) await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task SocketsPerKey_OneOverTheLimit_Closed4429AndAFreedSlotIsReused()
    {
        await using var host = await StartAsync(perKey: 3);
        var open = new List<RawWebSocketClient>();
        for (var i = 0; i < 3; i++) open.Add(await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, TransportHost.PartnerKey));

        await using var fourth = await RawWebSocketClient.ConnectAsync(host.WebSocketUrl);
        await fourth.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {TransportHost.PartnerKey}" } });
        var (code, reason, _) = await fourth.ReceiveCloseAsync();
        await using var otherKey = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, TransportHost.PlannerKey);

        Assert.Equal(4429, code);
        Assert.Equal("Too many sockets for this API key", reason);
        await open[0].DisposeAsync();
        await AssertEventuallyAcknowledgedAsync(host, TransportHost.PartnerKey);
        foreach (var socket in open.Skip(1)) await socket.DisposeAsync();
    }

    [Fact]
    public async Task SocketsPerAddress_OneOverTheLimit_Closed4429BeforeInit()
    {
        await using var host = await StartAsync(perAddress: 4);
        var open = new List<RawWebSocketClient>();
        for (var i = 0; i < 4; i++) open.Add(await RawWebSocketClient.ConnectAsync(host.WebSocketUrl));
        // The server counts a socket once its handler runs: a round trip on each proves all four are counted.
        foreach (var socket in open)
        {
            await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {TransportHost.OperatorKey}" } });
            Assert.Equal("connection_ack", (await socket.ReceiveAsync()).GetProperty("type").GetString());
        }

        await using var fifth = await RawWebSocketClient.ConnectAsync(host.WebSocketUrl);
        var (code, reason, _) = await fifth.ReceiveCloseAsync();

        Assert.Equal(4429, code);
        Assert.Equal("Too many sockets from this address", reason);
        foreach (var socket in open) await socket.DisposeAsync();
    }

    /// <summary>A closed socket gives its slot back once the server has seen the close; retry briefly until then.</summary>
    private static async Task AssertEventuallyAcknowledgedAsync(TransportHost host, string key)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var socket = await RawWebSocketClient.ConnectAsync(host.WebSocketUrl);
            await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {key}" } });
            try
            {
                if ((await socket.ReceiveAsync()).GetProperty("type").GetString() == "connection_ack") return;
            }
            catch (Xunit.Sdk.FailException) when (attempt < 20)
            {
                // Closed with 4429: the freed slot is not back yet.
            }
            await Task.Delay(100);
        }
    }
}
