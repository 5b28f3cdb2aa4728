using CityTwin.Graph.Live;
using CityTwin.Graph.Schema;
using CityTwin.Graph.Schema.Common;
using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Vehicles;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Graph.Extensions;

/// <summary>Wiring of the live fan-out: the per-node hub, the stream observer that feeds it, and the subscription schema.</summary>
public static class LiveExtensions
{
    /// <summary>
    /// Adds the live fan-out and the subscription root (<see cref="ITwinSubscriptionRoot"/>) with its graph types. Call it
    /// on the services of a process that hosts a silo; order relative to <c>UseOrleans</c> does not matter because the
    /// observer subscribes to the streams only once every hosted service, the silo included, has started.
    /// </summary>
    public static IServiceCollection AddCityTwinLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>();
        services.TryAddSingleton<LiveEventHub>();
        services.TryAddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveEventHub>());
        services.TryAddSingleton<LiveStreamObserver>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveStreamObserver>());

        services.TryAddSingleton<TwinSubscriptionType>();
        services.TryAddSingleton<ITwinSubscriptionRoot>(sp => sp.GetRequiredService<TwinSubscriptionType>());
        // Graph types are singletons like the schema that holds them; TryAdd leaves a type the schema already registers alone.
        services.TryAddSingleton<GeoJsonGraphType>();
        services.TryAddSingleton<AlertType>();
        services.TryAddSingleton<AlertKindType>();
        services.TryAddSingleton<WatchlistHitAlertType>();
        services.TryAddSingleton<CriticalFindingAlertType>();
        services.TryAddSingleton<ImagingResultEventType>();
        services.TryAddSingleton<CityTwin.Graph.Schema.Clinics.ImagingFindingGraphType>();
        services.TryAddSingleton<IncidentEventType>();
        services.TryAddSingleton<SightingEventType>();
        services.TryAddSingleton<SightingPointType>();
        services.TryAddSingleton<CameraStatusEventType>();
        services.TryAddSingleton<CameraStatusKindType>();
        services.TryAddSingleton<EntityChangedEventType>();
        services.TryAddSingleton<EnumerationGraphType<VehicleKind>>();
        services.TryAddSingleton<EnumerationGraphType<IncidentKind>>();
        services.TryAddSingleton<EnumerationGraphType<IncidentStatus>>();
        services.TryAddSingleton<EnumerationGraphType<CityTwin.Twin.Spatial.Located.LocationQuality>>();
        services.TryAddSingleton<CityTwin.Graph.Schema.Coverage.PlanProgressGraphType>();
        services.TryAddSingleton<EnumerationGraphType<CityTwin.Twin.Planning.PlanStage>>();
        services.TryAddSingleton<CityTwin.Graph.Schema.Markets.MarketUpdateGraphType>();
        services.TryAddSingleton<CityTwin.Graph.Schema.Markets.SessionUpdateGraphType>();
        services.TryAddSingleton<CityTwin.Graph.Schema.Schools.LessonUpdateGraphType>();
        services.TryAddSingleton<EnumerationGraphType<CityTwin.Twin.Schools.LessonInteractionKind>>();
        return services;
    }
}
