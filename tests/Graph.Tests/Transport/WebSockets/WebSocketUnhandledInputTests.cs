using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>
/// The same bad input over graphql-transport-ws: a lone surrogate escape is an invalid message (4400 with a reason,
/// not a close with 1000), and a document nested past the limit is an <c>error</c> message naming the limit.
/// </summary>
public sealed class WebSocketUnhandledInputTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Theory]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"\ud800"}}""")]
    [InlineData("""{"id":"\ud800","type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }","variables":{"t":"\udfff"}}}""")]
    public async Task Subscribe_LoneSurrogateEscape_Closes4400WithReason(string message)
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SendTextAsync(message);

        var (code, reason, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4400, code);
        Assert.Contains("surrogate", reason);
    }

    [Fact]
    public async Task Subscribe_NestedFarPastTheDepthLimit_ErrorMessageNotInternal()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        var query = "{ " + string.Concat(Enumerable.Repeat("nested { ", 60)) + "value" + new string('}', 60) + " }";
        await client.SubscribeAsync("deep", query);

        var answer = await client.ReceiveAsync();

        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
