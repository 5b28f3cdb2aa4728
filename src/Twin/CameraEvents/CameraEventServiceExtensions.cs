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
        services.AddOptions<Twin.Traffic.JamOptions>().BindConfiguration(Twin.Traffic.JamOptions.Section)
            .Validate(o => o.Problem() is null, $"{Twin.Traffic.JamOptions.Section}: a threshold, window or count is out of range").ValidateOnStart();
        services.TryAddSingleton<Twin.Traffic.ISegmentRoadClasses, Twin.Traffic.SegmentRoadClasses>();
        services.TryAddSingleton<Twin.Traffic.JamMonitor>();
        return services;
    }
}
