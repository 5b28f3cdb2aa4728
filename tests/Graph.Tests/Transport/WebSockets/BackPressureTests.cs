using System.Net;
using System.Net.WebSockets;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.WebSockets;

/// <summary>
/// A client that stops reading fills its bounded send queue and is closed with 1013 and a reason; the server's memory
/// for it stays bounded and every other client keeps being served meanwhile.
/// </summary>
public sealed class BackPressureTests : IAsyncLifetime
{
    private const int QueueCapacity = 16;
    private static readonly string Payload = new('x', 32 * 1024);
    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportHost.StartAsync(new Dictionary<string, string?>
    {
        ["CityTwin:GraphQL:WebSocket:SendQueueCapacity"] = QueueCapacity.ToString(),
        ["CityTwin:GraphQL:WebSocket:CloseTimeout"] = "00:00:10",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SlowConsumer_QueueOverflows_Closed1013WithReasonWhileOthersKeepWorking()
    {
        await using var slow = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await using var healthy = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl, TransportHost.PartnerKey);
        await slow.SubscribeAsync("firehose", "subscription { ticks(channel: \"firehose\") { seq text } }");
        await healthy.SubscribeAsync("calm", "subscription { ticks(channel: \"calm\") { seq } }");
        await _host.Hub.WaitForSubscribersAsync("firehose");
        await _host.Hub.WaitForSubscribersAsync("calm");
        _host.Hub.Publish("firehose", new Tick(1, "read"));
        var first = await slow.ReceiveAsync();

        var published = PublishUntilDropped("firehose", _host, firstSeq: 2);
        _host.Hub.Publish("calm", new Tick(1, "still here"));
        var calm = await healthy.ReceiveAsync();
        using var http = _host.CreateHttpClient();
        var query = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }));
        var (code, reason, received) = await slow.ReceiveCloseAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1013, "Send queue full: the client reads too slowly"), (code, reason));
        Assert.Equal(1, first.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetProperty("seq").GetInt32());
        Assert.InRange(received.Count, 0, published - 2);
        Assert.Equal(Enumerable.Range(2, received.Count),
            received.Select(m => m.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetProperty("seq").GetInt32()));
        Assert.Equal(1, calm.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetProperty("seq").GetInt32());
        Assert.Equal(HttpStatusCode.OK, query.Status);
    }

    [Fact]
    public async Task SlowConsumer_NeverReads_AbortedAfterCloseTimeout()
    {
        await using var host = await TransportHost.StartAsync(new Dictionary<string, string?>
        {
            ["CityTwin:GraphQL:WebSocket:SendQueueCapacity"] = "4",
            ["CityTwin:GraphQL:WebSocket:CloseTimeout"] = "00:00:00.500",
        });
        await using var stuck = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl);
        await stuck.SubscribeAsync("firehose", "subscription { ticks(channel: \"stuck\") { seq text } }");
        await host.Hub.WaitForSubscribersAsync("stuck");
        // One event larger than every buffer between server and client: the send loop blocks inside it.
        var huge = new string('x', 16 * 1024 * 1024);
        host.Hub.Publish("stuck", new Tick(1, huge));
        await Task.Delay(500);

        for (var seq = 2; host.Hub.Subscribers("stuck") > 0 && seq < 100; seq++) host.Hub.Publish("stuck", new Tick(seq, "small"));
        await Task.Delay(1500);
        var (code, _, _) = await stuck.ReceiveCloseAsync(TimeSpan.FromSeconds(30));

        // The close frame could not get past the unread data, so the server aborted the connection instead.
        Assert.Equal(0, host.Hub.Subscribers("stuck"));
        Assert.Null(code);
        Assert.NotEqual(WebSocketState.Open, stuck.Socket.State);
    }

    /// <summary>Publishes large events, paced, until the server drops the subscription; returns the last sequence number.</summary>
    private static int PublishUntilDropped(string channel, TransportHost host, int firstSeq = 1)
    {
        var seq = firstSeq - 1;
        // Loopback socket buffers hold a few MB; 100k events of 32 KiB is far beyond them and any queue.
        while (host.Hub.Subscribers(channel) > 0 && seq < 100_000)
        {
            host.Hub.Publish(channel, new Tick(++seq, Payload));
            if (seq % 4 == 0) Thread.Sleep(1);
        }
        Assert.Equal(0, host.Hub.Subscribers(channel));
        return seq;
    }
}
