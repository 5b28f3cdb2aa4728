using CityTwin.Vision.Fire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CityTwin.Vision.Fire.Hosting;
using CityTwin.Vision.Fire.Watch;

namespace CityTwin.Graph.Fire;

/// <summary>Wires the smoke and fire watch into the twin: masks from the cameras, events into incidents, frames from the configured cameras.</summary>
public static class FireIncidentExtensions
{
    /// <summary>
    /// Registers the twin's mask source and event sink ahead of the watch's own defaults (which only log), the watch
    /// itself (<c>CityTwin:Fire</c>) and the workers that read <c>CityTwin:Fire:Cameras</c>.
    /// </summary>
    public static IServiceCollection AddCityTwinFireIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        // TryAdd: a host (or a test) that registered its own sink or mask source first keeps it.
        services.TryAddSingleton<IExclusionMaskSource, StoredExclusionMasks>();
        services.TryAddSingleton<IFireEventSink, IncidentFireEventSink>();
        services.AddCityTwinFireWatch(configuration);
        services.AddOptions<FireCamerasOptions>().Bind(configuration.GetSection(FireWatchOptions.Section))
            .Validate(o => o.SampleInterval >= TimeSpan.Zero, "CityTwin:Fire:SampleInterval must not be negative");
        services.AddHostedService<FireVisionWorkers>();
        return services;
    }
}
