using CityTwin.Vision.Imaging.Inbox;
using CityTwin.Vision.Imaging.Network;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CityTwin.Vision.Imaging;

/// <summary>
/// Wiring of the imaging receivers. Needs the twin's database (<c>AddTwinDatabase</c>) and a grain factory (the silo or
/// a cluster client). The receivers need an <see cref="IImagingReader"/>, which the host chooses once with
/// <c>AddCityTwinImagingReader</c> (the model, the demo model, or none); nothing here registers a default that could
/// shadow that choice.
/// </summary>
public static class ImagingServiceExtensions
{
    /// <summary>The store every receiver uses (STOW-RS included), with options from <c>CityTwin:Imaging</c>.</summary>
    public static IServiceCollection AddCityTwinImaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImagingOptions>(configuration.GetSection(ImagingOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContentAddressedFiles>();
        services.TryAddSingleton<PatientPseudonymiser>();
        services.TryAddSingleton<ClinicDirectory>();
        services.TryAddSingleton<AfterStoreQueue>();
        services.TryAddSingleton<ImagingStore>();
        services.TryAddSingleton<Part10Intake>();
        services.TryAddSingleton<IInstanceOutcomes, InstanceOutcomes>();
        return services;
    }

    /// <summary>The store plus the C-STORE SCP (<c>CityTwin:Imaging:Scp</c>) and the inbox folder (<c>CityTwin:Imaging:Inbox</c>) as hosted services.</summary>
    public static IServiceCollection AddCityTwinImagingReceivers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCityTwinImaging(configuration);
        services.Configure<ScpOptions>(configuration.GetSection(ScpOptions.Section));
        services.Configure<InboxOptions>(configuration.GetSection(InboxOptions.Section));
        services.TryAddSingleton<Network.Find.StudyRootFind>();
        services.TryAddSingleton<StoreScpService>();
        services.TryAddSingleton<InboxService>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreScpService>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxService>());
        return services;
    }
}
