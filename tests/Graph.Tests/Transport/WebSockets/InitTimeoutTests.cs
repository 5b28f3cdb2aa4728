using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>The <c>connection_init</c> timeout (4408), shortened to one second.</summary>
public sealed class InitTimeoutTests : IAsyncLifetime
{
    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportHost.StartAsync(new Dictionary<string, string?>
    {
        ["CityTwin:GraphQL:WebSocket:ConnectionInitTimeout"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConnectionInit_NotSentInTime_Closes4408()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(_host.WebSocketUrl);

        var (code, reason, messages) = await client.ReceiveCloseAsync();

        Assert.Equal((4408, "Connection initialisation timeout"), (code, reason));
        Assert.Empty(messages);
    }

    [Fact]
    public async Task ConnectionInit_InTime_OutlivesTheTimeout()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await Task.Delay(1500);
        await client.SubscribeAsync("late", "{ hello }");

        var messages = new[] { await client.ReceiveAsync(), await client.ReceiveAsync() }.Select(m => m.GetProperty("type").GetString());

        Assert.Equal(["next", "complete"], messages);
    }
}
