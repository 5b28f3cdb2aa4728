using System.Net.WebSockets;
using System.Text;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>
/// Every close code of graphql-transport-ws, each with the spec's reason; after each, the server still serves a new
/// client (<see cref="AssertServerStillServesAsync"/>).
/// </summary>
public sealed class WebSocketCloseCodeTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer wrong-key"}}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"op-7f3c2a91d4e8b6051c9a"}}""")]
    [InlineData("""{"type":"connection_init","payload":{}}""")]
    [InlineData("""{"type":"connection_init"}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":42}}""")]
    public async Task ConnectionInit_MissingOrUnknownKey_Closes4403Forbidden(string init)
    {
        var (code, reason) = await SendAndExpectCloseAsync(null, init);

        Assert.Equal((4403, "Forbidden"), (code, reason));
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task ConnectionInit_Twice_Closes4429()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {TransportHost.OperatorKey}" } });

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Equal((4429, "Too many initialisation requests"), (code, reason));
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task ConnectionInit_Flood_Closes4429AndOthersKeepWorking()
    {
        await using var bystander = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        var flooders = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RawWebSocketClient.ConnectAsync(_host.WebSocketUrl)));
        var init = Encoding.UTF8.GetBytes($$$"""{"type":"connection_init","payload":{"authorization":"Bearer {{{TransportHost.PartnerKey}}}"}}""");
        await Task.WhenAll(flooders.Select(async f =>
        {
            for (var i = 0; i < 50 && f.Socket.State == WebSocketState.Open; i++)
            {
                try { await f.SendBytesAsync(init, WebSocketMessageType.Text); }
                catch (WebSocketException) { break; }
            }
        }));

        var closes = await Task.WhenAll(flooders.Select(f => f.ReceiveCloseAsync()));
        await bystander.SubscribeAsync("still", "{ hello }");
        var answer = await bystander.ReceiveAsync();

        Assert.All(closes, c => Assert.Equal(4429, c.Code));
        Assert.Equal("next", answer.GetProperty("type").GetString());
        foreach (var flooder in flooders) await flooder.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_BeforeAck_Closes4401Unauthorized()
    {
        var (code, reason) = await SendAndExpectCloseAsync(null, """{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");

        Assert.Equal((4401, "Unauthorized"), (code, reason));
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task Subscribe_IdOfRunningSubscription_Closes4409()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("dup-1", "subscription { ticks(channel: \"dup\") { seq } }");
        await _host.Hub.WaitForSubscribersAsync("dup");
        await client.SubscribeAsync("dup-1", "{ hello }");

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Equal((4409, "Subscriber for dup-1 already exists"), (code, reason));
        await _host.Hub.WaitForSubscribersAsync("dup", 0);
        await AssertServerStillServesAsync();
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("\"connection_init\"")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"type":"start","id":"1"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"connection_ack"}""")]
    [InlineData("""{"type":"ping","payload":"text"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"variables":{}}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[1]}}""")]
    [InlineData("""{"type":"complete"}""")]
    [InlineData("""{"type":"connection_init","payload":[]}""")]
    public async Task InvalidMessage_Closes4400WithReason(string message)
    {
        var (code, reason) = await SendAndExpectCloseAsync(TransportHost.OperatorKey, message);

        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid message", reason);
        await AssertServerStillServesAsync();
    }

    [Theory]
    [InlineData(WebSocketMessageType.Binary)]
    [InlineData(WebSocketMessageType.Text)]
    public async Task MalformedUtf8_ClosedAsInvalid(WebSocketMessageType frameType)
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SendBytesAsync([(byte)'{', 0xC3, 0x28, 0xFF, (byte)'}'], frameType);

        var (code, _, _) = await client.ReceiveCloseAsync();

        // Text frames are checked by the WebSocket layer itself (RFC 6455: 1007); binary ones by the protocol (4400).
        Assert.Equal(frameType == WebSocketMessageType.Text ? 1007 : 4400, code);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task Message_OverSizeLimit_Closes4400()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("big", "{ hello }" + new string(' ', 300 * 1024));

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4400, code);
        Assert.Contains("larger than 262144 bytes", reason);
        await AssertServerStillServesAsync();
    }

    [Theory]
    [InlineData("graphql-ws")]
    [InlineData("")]
    public async Task SubProtocol_LegacyOrNone_Closes4406(string offered)
    {
        await using var client = await RawWebSocketClient.ConnectAsync(_host.WebSocketUrl, offered.Length == 0 ? ["none-at-all"] : [offered]);

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Null(client.Socket.SubProtocol);
        Assert.Equal((4406, "Subprotocol not acceptable"), (code, reason));
        await AssertServerStillServesAsync();
    }

    private async Task<(int? Code, string? Reason)> SendAndExpectCloseAsync(string? initKey, string message)
    {
        await using var client = initKey is null
            ? await RawWebSocketClient.ConnectAsync(_host.WebSocketUrl)
            : await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl, initKey);
        await client.SendTextAsync(message);
        var (code, reason, _) = await client.ReceiveCloseAsync();
        return (code, reason);
    }

    private async Task AssertServerStillServesAsync()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("alive", "{ hello }");
        Assert.Equal("world", (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
    }
}
