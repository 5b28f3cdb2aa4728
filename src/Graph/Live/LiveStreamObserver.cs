using CityTwin.Twin.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace CityTwin.Graph.Live;

/// <summary>
/// The one observer of this silo: it subscribes once to each twin stream namespace and hands every event to the
/// <see cref="LiveEventHub"/>. It starts after every hosted service has started (the co-hosted silo included), so
/// its registration order does not matter. Stream pub/sub lives in memory and a silo's consumer id is new at
/// each start, so it subscribes afresh on start; then it checks periodically and subscribes again when its handle
/// is gone (the silo that held the pub/sub state died and the state was rebuilt empty).
/// </summary>
public sealed class LiveStreamObserver(
    IClusterClient client, LiveEventHub hub, IOptions<LiveOptions> options, ILogger<LiveStreamObserver> logger)
    : IHostedLifecycleService, IAsyncDisposable
{
    private readonly List<LiveStreamSubscription> subscriptions = [];
    private readonly CancellationTokenSource stopping = new();
    private Task? watchdog;

    /// <summary>True once every namespace has a live stream subscription.</summary>
    public bool Subscribed { get; private set; }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var provider = client.GetStreamProvider(TwinStreams.Provider);
        foreach (var ns in LiveEventHub.Namespaces)
        {
            var subscription = new LiveStreamSubscription(ns, provider.GetStream<TwinEvent>(TwinStreams.For(ns)), hub, logger);
            await subscription.EnsureAsync();
            subscriptions.Add(subscription);
        }
        Subscribed = true;
        watchdog = WatchAsync(options.Value.SubscriptionCheckInterval, stopping.Token);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // While the silo still runs: leave the streams so pub/sub stops sending here, then end local subscribers.
        await stopping.CancelAsync();
        if (watchdog is not null) await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var subscription in subscriptions)
            await subscription.LeaveAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Subscribed = false;
        hub.Complete();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WatchAsync(TimeSpan interval, CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval);
        while (await NextTickAsync(timer, token))
        {
            foreach (var subscription in subscriptions)
            {
                try
                {
                    await subscription.EnsureAsync();
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Checking the live subscription to stream {Namespace} failed; retrying in {Interval}", subscription.Namespace, interval);
                }
            }
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
