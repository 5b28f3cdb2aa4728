using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Vision.Plates;

/// <summary>Registers the plate pipeline's settings (section <see cref="PlateVisionOptions.Section"/>) and the vision counters.</summary>
public static class PlateVisionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PlateVisionOptions"/> from <paramref name="configuration"/> and adds one shared
    /// <see cref="VisionMetrics"/>. The pipeline itself is created per frame source with <see cref="PlatePipeline.Create"/>.
    /// </summary>
    public static IServiceCollection AddPlateVision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlateVisionOptions>().Bind(configuration.GetSection(PlateVisionOptions.Section));
        services.AddSingleton<VisionMetrics>();
        return services;
    }
}
