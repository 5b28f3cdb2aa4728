using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Twin.Vehicles.Routes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Twin.Vehicles;

/// <summary>Services of vehicle tracing: the plate-read ingest, its crop and camera-key stores, and the road network for routes.</summary>
public static class VehicleServiceExtensions
{
    /// <summary>Adds them; the host must also provide the twin database and an <see cref="IGrainFactory"/> (the silo).</summary>
    public static IServiceCollection AddVehicleTracking(this IServiceCollection services)
    {
        services.TryAddSingleton<IPlateCropStore, PlateCropStore>();
        services.TryAddSingleton<ICameraKeyStore, CameraKeyStore>();
        services.TryAddSingleton<IPlateReadIngest, PlateReadIngest>();
        services.TryAddSingleton<IRoadNetwork, RoadNetwork>();
        services.TryAddSingleton<PlateCropRetention>();
        return services;
    }
}
