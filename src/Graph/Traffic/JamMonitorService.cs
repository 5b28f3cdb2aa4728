using CityTwin.Twin.Cameras;
using CityTwin.Twin.Events;
using CityTwin.Twin.Traffic;
using CityTwin.Twin.Vehicles;
using Orleans.Streams;

namespace CityTwin.Graph.Traffic;

/// <summary>
/// Feeds the <see cref="JamMonitor"/> from the sightings stream once the silo runs, and loads the exclusion masks the
/// detectors read. A failure on one event is logged and the next goes on.
/// </summary>
public sealed partial class JamMonitorService(
    IClusterClient client, JamMonitor monitor, ExclusionMaskCatalog masks, ILogger<JamMonitorService> logger)
    : IHostedLifecycleService, IAsyncObserver<TwinEvent>
{
    private StreamSubscriptionHandle<TwinEvent>? handle;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await masks.RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Detectors then see no masks until an operator sets them again; the host still starts.
            LogMasksFailed(logger, e);
        }
        handle = await client.GetStreamProvider(TwinStreams.Provider)
            .GetStream<TwinEvent>(TwinStreams.For(TwinStreams.Sightings)).SubscribeAsync(this);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (handle is { } current)
            await current.UnsubscribeAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        handle = null;
    }

    public async Task OnNextAsync(TwinEvent item, StreamSequenceToken? token = null)
    {
        if (item is not SightingsRecorded recorded) return;
        try
        {
            await monitor.OnSightingsAsync(recorded);
        }
        catch (Exception e)
        {
            LogFailed(logger, e, recorded.EntityId);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the cameras' exclusion masks failed; none are applied until they are set again")]
    private static partial void LogMasksFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The jam monitor could not take the sightings of {Vehicle}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string vehicle);
}
