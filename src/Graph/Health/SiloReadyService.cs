using CityTwin.Twin.Extensions;

namespace CityTwin.Graph.Health;

/// <summary>Marks the silo ready when the host runs without the demo city (which otherwise does it).</summary>
internal sealed class SiloReadyService(TwinReadiness readiness) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        readiness.MarkSiloReady();
        readiness.MarkDemoCityLoaded(new Twin.Demo.DemoCityCounts(0, 0, 0, 0, 0));
        return Task.CompletedTask;
    }
}
