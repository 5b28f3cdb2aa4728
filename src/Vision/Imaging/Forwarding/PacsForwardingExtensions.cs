using CityTwin.Vision.Imaging.Network.Scu;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>Wiring of PACS forwarding (<c>CityTwin:Imaging:Pacs</c>); the service does nothing while no PACS host is set.</summary>
public static class PacsForwardingExtensions
{
    public static IServiceCollection AddCityTwinPacsForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCityTwinImaging(configuration);
        services.Configure<PacsOptions>(configuration.GetSection(PacsOptions.Section));
        services.TryAddSingleton<StoreScu>();
        services.TryAddSingleton<ForwardingSql>();
        services.TryAddSingleton<ForwardPayloads>();
        services.TryAddSingleton<PacsRetryPolicy>();
        services.TryAddSingleton<PacsForwarder>();
        services.AddHostedService(sp => sp.GetRequiredService<PacsForwarder>());
        return services;
    }
}
