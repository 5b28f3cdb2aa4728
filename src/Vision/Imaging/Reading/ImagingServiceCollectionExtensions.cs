using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Demo;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>
/// Chooses, once, the <see cref="IImagingReader"/> the receivers hand studies to: the site's model when
/// <c>CityTwin:Imaging:Model:ModelPath</c> is set, else the demo model unless <c>CityTwin:Imaging:DemoModel:Enabled</c>
/// is false, else <see cref="UnreadImagingReader"/>. The host supplies <see cref="IInstanceOutcomes"/> and an <see cref="IGrainFactory"/>.
/// </summary>
public static class ImagingServiceCollectionExtensions
{
    public static IServiceCollection AddCityTwinImagingReader(this IServiceCollection services, IConfiguration configuration)
    {
        var choice = ReaderChoice.From(configuration);
        services.AddSingleton(choice);
        if (choice.Kind == ReaderKind.Unread)
        {
            services.AddSingleton<IImagingReader, UnreadImagingReader>();
            services.AddHostedService<ReaderChoiceLog>();
            return services;
        }

        services.Configure<DecoderPoolOptions>(configuration.GetSection(DecoderPoolOptions.Section));
        services.Configure<ModelOptions>(configuration.GetSection(ModelOptions.Section));
        services.Configure<DemoModelOptions>(configuration.GetSection(DemoModelOptions.Section));
        services.Configure<ReaderOptions>(configuration.GetSection(ReaderOptions.Section));
        services.TryAddSingleton<ImagingMetrics>();
        services.TryAddSingleton<DecoderPool>();
        services.TryAddSingleton(sp => choice.Kind == ReaderKind.Demo ? DemoSlot(sp) : new ModelSlot(sp.GetRequiredService<IOptions<ModelOptions>>().Value));
        services.TryAddSingleton<ImagingReader>();
        services.AddSingleton<IImagingReader>(sp => sp.GetRequiredService<ImagingReader>());
        // Loads (and for the demo, composes) the model at start-up, so the first study does not wait for it.
        services.AddHostedService<ReaderChoiceLog>();
        return services;
    }

    private static ModelSlot DemoSlot(IServiceProvider services)
    {
        var demo = services.GetRequiredService<IOptions<DemoModelOptions>>().Value;
        var storageRoot = StoragePaths.Resolve(services.GetRequiredService<IOptions<ImagingOptions>>().Value.StorageRoot);
        var options = DemoModel.Options(demo, storageRoot);
        return new ModelSlot(options, () => DemoModel.EnsureComposed(options, demo.BackbonePath));
    }
}
