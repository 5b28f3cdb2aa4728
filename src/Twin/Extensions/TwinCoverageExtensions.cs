using CityTwin.Twin.Coverage;
using CityTwin.Twin.Importers.RealLayers;
using CityTwin.Twin.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Twin.Extensions;

/// <summary>Planners' services: coverage figures and gaps, camera siting, stored plans and background plan jobs.</summary>
public static class TwinCoverageExtensions
{
    /// <summary>Adds the coverage and planning services; call after <see cref="TwinServiceExtensions.AddTwinDatabase"/>.</summary>
    public static IServiceCollection AddTwinCoverage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CoverageCalculator>();
        services.TryAddSingleton<PlanningModelBuilder>();
        services.TryAddSingleton<CameraPlanner>();
        services.TryAddSingleton<TargetPlanner>();
        services.TryAddSingleton<CameraPlans>();
        services.TryAddSingleton<CameraPlanJobs>();
        services.TryAddSingleton<RealLayerLoader>();
        return services;
    }
}
