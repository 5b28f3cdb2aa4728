using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>Registers the AI reader: decoder pool, model and queue. The host supplies <see cref="IInstanceOutcomes"/> and an <see cref="IGrainFactory"/>.</summary>
public static class ImagingServiceCollectionExtensions
{
    public static IServiceCollection AddCityTwinImagingReader(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DecoderPoolOptions>(configuration.GetSection(DecoderPoolOptions.Section));
        services.Configure<ModelOptions>(configuration.GetSection(ModelOptions.Section));
        services.Configure<ReaderOptions>(configuration.GetSection(ReaderOptions.Section));
        services.TryAddSingleton<ImagingMetrics>();
        services.TryAddSingleton<DecoderPool>();
        services.TryAddSingleton(sp => new ModelSlot(sp.GetRequiredService<IOptions<ModelOptions>>().Value));
        services.TryAddSingleton<ImagingReader>();
        services.TryAddSingleton<IImagingReader>(sp => sp.GetRequiredService<ImagingReader>());
        return services;
    }
}
