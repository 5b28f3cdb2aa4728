using System.Net.WebSockets;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>Messages that bench/fuzz.sh (AFL++) found crashing the graphql-transport-ws parser: each now closes with 4400.</summary>
public sealed class WebSocketFuzzRegressionTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost host = fixture.Host;

    [Fact]
    public async Task InvalidUtf8InsideAStringValue_Closes4400()
    {
        // Valid JSON structure; the 0x8C byte sits inside the "type" string, where the JSON reader looks only on demand.
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl);
        byte[] message = [.. """{"type":"pi"""u8, 0x8C, .. "ng\"}"u8];
        await client.SendBytesAsync(message, WebSocketMessageType.Binary);

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid message", reason);
    }
}
