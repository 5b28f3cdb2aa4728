using CityTwin.Twin.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Demo;

/// <summary>Loads the demo city once the silo is up, and records readiness for the health endpoint.</summary>
public sealed partial class DemoCityService(IGrainFactory grains, TwinReadiness readiness, ILogger<DemoCityService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        readiness.MarkSiloReady();
        try
        {
            var counts = await DemoCityLoader.LoadAsync(grains, DemoCity.Load(), stoppingToken);
            readiness.MarkDemoCityLoaded(counts);
            LogLoaded(logger, counts.Wards, counts.Cameras, counts.Stores, counts.Schools, counts.Clinics);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The host keeps serving; /healthz says why it is not ready.
            readiness.MarkFailed("demo city failed to load (the log has the reason)");
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo city loaded: {Wards} wards, {Cameras} cameras, {Stores} stores, {Schools} schools, {Clinics} clinics")]
    private static partial void LogLoaded(ILogger logger, int wards, int cameras, int stores, int schools, int clinics);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo city failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
