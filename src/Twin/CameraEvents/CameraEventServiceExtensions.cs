using CityTwin.Twin.Cameras;
using CityTwin.Twin.Incidents.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Beside the twin's other Add… calls.
namespace CityTwin.Twin.Extensions;

/// <summary>Camera events: the ingest, the snapshot store and the exclusion-mask catalog.</summary>
public static class CameraEventServiceExtensions
{
    public static IServiceCollection AddCameraEvents(this IServiceCollection services)
    {
        services.AddOptions<IncidentSnapshotOptions>().BindConfiguration(IncidentSnapshotOptions.Section);
        services.TryAddSingleton<IIncidentSnapshotStore, IncidentSnapshotStore>();
        services.TryAddSingleton<CameraEvents.ICameraEventIngest, CameraEvents.CameraEventIngest>();
        services.TryAddSingleton<ExclusionMaskCatalog>();
        services.AddOptions<Twin.Traffic.JamOptions>().BindConfiguration(Twin.Traffic.JamOptions.Section);
        services.TryAddSingleton<Twin.Traffic.JamMonitor>();
        return services;
    }
}
