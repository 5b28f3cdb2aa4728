using CityTwin.Twin.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Importers.RealLayers;

/// <summary>
/// At start-up, once the demo city has registered the wards, loads the real layers from the shared data root when
/// they are there (<see cref="RealLayerLoader"/>). Missing data is logged and skipped; a failed import never stops
/// the host.
/// </summary>
public sealed partial class RealLayerService(RealLayerLoader loader, TwinReadiness readiness, string? sharedRoot, ILogger<RealLayerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (RealLayerFiles.Root(sharedRoot) is not { } root || !RealLayerFiles.Present(root))
        {
            LogAbsent(logger, sharedRoot ?? "../shared");
            return;
        }
        try
        {
            // Ward polygons attach to registered wards only, so wait for the demo city (or the silo without it).
            while (readiness.DemoCity is null && readiness.Failure is null)
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            foreach (var result in await loader.LoadAsync(root, stoppingToken))
            {
                if (result.Error is not null) LogError(logger, result.Layer, result.Error);
                else LogLoaded(logger, result.Layer, result.Inserted, result.Updated, result.Unchanged, result.Rejected.Count, result.Elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Real layers not loaded: no shared data at {Root}")]
    private static partial void LogAbsent(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Real layer {Layer}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, ImportLayer layer, int inserted, int updated, int unchanged, int rejected, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real layer {Layer} not loaded: {Error}")]
    private static partial void LogError(ILogger logger, ImportLayer layer, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the real layers failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
