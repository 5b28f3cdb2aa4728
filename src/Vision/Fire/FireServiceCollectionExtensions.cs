using CityTwin.Vision.Fire.Watch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Vision.Fire;

/// <summary>Registers the smoke/fire watch: options (<c>CityTwin:Fire</c>), detector factory, watch factory, metrics.</summary>
public static class FireServiceCollectionExtensions
{
    /// <summary>
    /// Adds the fire watch. The exclusion masks come from configuration and events go to the log until the host
    /// registers its own <see cref="IExclusionMaskSource"/> and <see cref="IFireEventSink"/> (TryAdd: theirs win).
    /// </summary>
    public static IServiceCollection AddCityTwinFireWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FireWatchOptions>().Bind(configuration.GetSection(FireWatchOptions.Section))
            .Validate(o => o.ConfirmFrames >= 1 && o.WindowFrames >= o.ConfirmFrames, "CityTwin:Fire needs 1 <= ConfirmFrames <= WindowFrames")
            .Validate(o => o.MaskedShareToDrop is > 0 and <= 1, "CityTwin:Fire:MaskedShareToDrop must be in (0, 1]");
        services.TryAddSingleton<FireMetrics>();
        services.TryAddSingleton<SmokeFireDetectorFactory>();
        services.TryAddSingleton<IExclusionMaskSource, ConfiguredExclusionMasks>();
        services.TryAddSingleton<IFireEventSink, LoggingFireEventSink>();
        services.TryAddSingleton<FireWatchFactory>();
        return services;
    }
}
