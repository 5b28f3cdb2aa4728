using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;

namespace CityTwin.Graph.Tests.Stories;

/// <summary>
/// An operator's real graphql-transport-ws subscription to <c>watchlistHit</c> alerts, read in arrival order. Tests
/// wait for the alert of one plate and camera; alerts of other plates stay in the inbox for later waits.
/// </summary>
public sealed class AlertInbox : IAsyncDisposable
{
    private const string Subscription = """
        subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert {
          plate watchedPlate matchKind cameraId seenAt confidence reason first cropUrl } } }
        """;

    private readonly RawWebSocketClient socket;

    private AlertInbox(RawWebSocketClient socket) => this.socket = socket;

    /// <summary>Every alert received so far, in arrival order.</summary>
    public List<JsonElement> Received { get; } = [];

    public static async Task<AlertInbox> OpenAsync(Uri url, string key)
    {
        var socket = await RawWebSocketClient.ConnectAndInitAsync(url, key);
        await socket.SubscribeAsync("alerts", Subscription);
        // The ping's pong proves the subscription is registered before the test sends anything.
        await socket.RoundTripAsync();
        return new AlertInbox(socket);
    }

    /// <summary>The first alert (in arrival order) that <paramref name="match"/> accepts, waiting for more if needed.</summary>
    public async Task<JsonElement> WaitAsync(Func<JsonElement, bool> match, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = Received.FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined) return found;
            var left = deadline - DateTime.UtcNow;
            try
            {
                if (left <= TimeSpan.Zero) throw new OperationCanceledException();
                Add(await socket.ReceiveAsync(left));
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no matching alert arrived; received: {string.Join(" | ", Received.Select(a => a.ToString()))}");
            }
        }
    }

    /// <summary>Sends a ping and keeps every alert that arrived before its pong.</summary>
    public async Task DrainAsync()
    {
        foreach (var message in await socket.RoundTripAsync()) Add(message);
    }

    /// <summary>Alerts for <paramref name="plate"/> (as displayed) received so far.</summary>
    public List<JsonElement> For(string plate) => Received.Where(a => a.GetProperty("plate").GetString() == plate).ToList();

    private void Add(JsonElement message)
    {
        Assert.Equal("next", message.GetProperty("type").GetString());
        Received.Add(message.GetProperty("payload").GetProperty("data").GetProperty("alerts"));
    }

    public ValueTask DisposeAsync() => socket.DisposeAsync();
}
