using CityTwin.Twin.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Twin.Extensions;

/// <summary>Services the API needs beside the database: the plate-lookup audit.</summary>
public static class TwinQueryServiceExtensions
{
    /// <summary>Adds the audit writer; call after <see cref="TwinServiceExtensions.AddTwinDatabase"/>.</summary>
    public static IServiceCollection AddTwinQueryServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPlateLookupAudit, PlateLookupAudit>();
        services.TryAddSingleton<AuditTrailReader>();
        return services;
    }
}
