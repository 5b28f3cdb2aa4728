using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>graphql-transport-ws with a hand-written client: the happy paths of every message type.</summary>
public sealed class WebSocketProtocolTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Fact]
    public async Task Connect_OffersGraphQLTransportWs_ServerSelectsIt()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(_host.WebSocketUrl, "graphql-ws", "graphql-transport-ws");

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
    }

    [Fact]
    public async Task ConnectionInit_KnownKey_Acknowledged()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(_host.WebSocketUrl);
        await client.SendTextAsync($$$"""{"type":"connection_init","payload":{"authorization":"Bearer {{{TransportHost.PartnerKey}}}"}}""");

        var ack = await client.ReceiveAsync();

        Assert.Equal("""{"type":"connection_ack"}""", ack.GetRawText());
    }

    [Fact]
    public async Task Ping_BeforeAndAfterInit_AnsweredWithPong()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(_host.WebSocketUrl);
        await client.SendTextAsync("""{"type":"ping","payload":{"sent":1}}""");
        var early = await client.ReceiveAsync();
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {TransportHost.OperatorKey}" } });
        await client.ReceiveAsync();
        await client.SendTextAsync("""{"type":"pong"}""");
        await client.SendTextAsync("""{"type":"ping"}""");

        var late = await client.ReceiveAsync();

        Assert.Equal(("pong", "pong"), (early.GetProperty("type").GetString(), late.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Subscribe_Query_NextThenComplete()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl, TransportHost.ClinicKey);
        await client.SubscribeAsync("q1", "query Who { whoami hello }");

        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("""{"id":"q1","type":"next","payload":{"data":{"whoami":"Clinic:thanh-an-health-station","hello":"world"}}}""", next.GetRawText());
        Assert.Equal("""{"id":"q1","type":"complete"}""", complete.GetRawText());
    }

    [Fact]
    public async Task Subscribe_MutationWithVariables_NextThenComplete()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("m1", "mutation($t: String!) { setGreeting(text: $t) }", new { t = "chao buoi sang" });

        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("chao buoi sang", next.GetProperty("payload").GetProperty("data").GetProperty("setGreeting").GetString());
        Assert.Equal("complete", complete.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_Subscription_ForwardsEventsInOrderThenServerComplete()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("s1", "subscription { ticks(channel: \"order\") { seq text } }");
        await _host.Hub.WaitForSubscribersAsync("order");

        for (var seq = 1; seq <= 50; seq++) _host.Hub.Publish("order", new Tick(seq, $"t{seq}"));
        _host.Hub.Complete("order");
        var messages = new List<JsonElement>();
        for (var i = 0; i < 51; i++) messages.Add(await client.ReceiveAsync());

        Assert.Equal(Enumerable.Range(1, 50), messages.Take(50).Select(m => m.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetProperty("seq").GetInt32()));
        Assert.All(messages.Take(50), m => Assert.Equal(("s1", "next"), (m.GetProperty("id").GetString(), m.GetProperty("type").GetString())));
        Assert.Equal("""{"id":"s1","type":"complete"}""", messages[50].GetRawText());
        await _host.Hub.WaitForSubscribersAsync("order", 0);
    }

    [Fact]
    public async Task Complete_FromClient_StopsEventsAndReleasesSource()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("s1", "subscription { ticks(channel: \"stop\") { seq } }");
        await _host.Hub.WaitForSubscribersAsync("stop");
        _host.Hub.Publish("stop", new Tick(1, "before"));
        var first = await client.ReceiveAsync();

        await client.SendAsync(new { id = "s1", type = "complete" });
        await _host.Hub.WaitForSubscribersAsync("stop", 0);
        _host.Hub.Publish("stop", new Tick(2, "after"));
        var afterwards = await client.RoundTripAsync();

        Assert.Equal(1, first.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetProperty("seq").GetInt32());
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task Complete_BeforeQueryResolves_NoResultIsSent()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("slow", "{ slow(ms: 2000) }");
        await client.SendAsync(new { id = "slow", type = "complete" });
        await client.SubscribeAsync("fast", "{ hello }");

        var messages = new[] { await client.ReceiveAsync(), await client.ReceiveAsync() };
        await Task.Delay(300);
        var late = await client.RoundTripAsync();

        Assert.All(messages, m => Assert.Equal("fast", m.GetProperty("id").GetString()));
        Assert.Empty(late);
    }

    [Fact]
    public async Task Complete_UnknownId_Ignored()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SendAsync(new { id = "never-started", type = "complete" });

        Assert.Empty(await client.RoundTripAsync());
    }

    [Fact]
    public async Task Subscribe_SameIdAfterCompletion_Allowed()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        for (var round = 0; round < 3; round++)
        {
            await client.SubscribeAsync("again", "{ hello }");
            Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
            Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Subscribe_ManyOperationsAtOnce_EachAnsweredUnderItsId()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        var ids = Enumerable.Range(0, 20).Select(i => $"op-{i}").ToList();
        foreach (var id in ids) await client.SubscribeAsync(id, "{ hello }");

        var messages = new List<JsonElement>();
        for (var i = 0; i < ids.Count * 2; i++) messages.Add(await client.ReceiveAsync());

        foreach (var id in ids)
        {
            var own = messages.Where(m => m.GetProperty("id").GetString() == id).Select(m => m.GetProperty("type").GetString());
            Assert.Equal(["next", "complete"], own);
        }
    }
}
