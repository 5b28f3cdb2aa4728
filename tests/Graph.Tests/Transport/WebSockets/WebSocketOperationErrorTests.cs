using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>
/// Failing operations over graphql-transport-ws: refused documents get <c>error</c> (no <c>complete</c>), refused
/// resolvers a <c>next</c> with errors, failing sources an <c>error</c> without details; the connection lives on.
/// </summary>
public sealed class WebSocketOperationErrorTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Fact]
    public async Task Subscribe_InvalidDocument_ErrorWithoutCompleteAndConnectionLives()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("bad", "subscription { nope }");

        var error = await client.ReceiveAsync();
        var following = await client.RoundTripAsync();

        Assert.Equal(("bad", "error"), (error.GetProperty("id").GetString(), error.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.Array, error.GetProperty("payload").ValueKind);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(following);
    }

    [Fact]
    public async Task Subscribe_RefusedByResolver_NextWithErrorThenComplete()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl, TransportHost.PartnerKey);
        await client.SubscribeAsync("r", "subscription { refused { seq } }");

        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("FORBIDDEN", next.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", complete.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_SourceFails_ErrorWithInternalCodeAndNoDetails()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("f", "subscription { ticks(channel: \"fail\") { seq } }");
        await _host.Hub.WaitForSubscribersAsync("fail");

        _host.Hub.Fail("fail", new InvalidOperationException(TestQuery.Secret));
        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("hunter2", error.GetRawText());
        Assert.Empty(await client.RoundTripAsync());
    }
}
