using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Vision.Plates.Hosting;

/// <summary>Registers the plate pipeline's settings and, when cameras are configured, the host's vision workers.</summary>
public static class PlateVisionWorkersServiceCollectionExtensions
{
    /// <summary>
    /// Calls <see cref="PlateVisionServiceCollectionExtensions.AddPlateVision"/>, binds <see cref="VisionCamerasOptions"/>
    /// and adds <see cref="PlateVisionWorkers"/> only when <c>CityTwin:Vision:Cameras</c> has entries, so a host without
    /// cameras loads no model and starts no thread.
    /// </summary>
    public static IServiceCollection AddPlateVisionWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlateVision(configuration);
        services.AddOptions<VisionCamerasOptions>().Bind(configuration.GetSection(VisionCamerasOptions.Section));
        if (configuration.GetSection($"{VisionCamerasOptions.Section}:Cameras").GetChildren().Any())
            services.AddHostedService<PlateVisionWorkers>();
        return services;
    }
}
