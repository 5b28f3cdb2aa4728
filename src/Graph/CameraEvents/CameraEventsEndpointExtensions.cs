using CityTwin.Graph.CameraEvents;
using Microsoft.Extensions.Options;

// In the Extensions namespace, beside the host's other Map… calls.
namespace CityTwin.Graph.Extensions;

/// <summary>Wiring of the camera-event webhook and the incident snapshot URLs.</summary>
public static class CameraEventsEndpointExtensions
{
    /// <summary>Maps <c>POST /camera-events</c> and <c>GET /incidents/snapshots/{id}.jpg</c>, built on first use from the app's singletons.</summary>
    public static WebApplication MapCityTwinCameraEvents(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(CameraEventsOptions.Section).Get<CameraEventsOptions>() ?? new CameraEventsOptions();
        var events = new Lazy<CameraEventsEndpoint>(() => ActivatorUtilities.CreateInstance<CameraEventsEndpoint>(app.Services, Options.Create(settings)));
        var snapshots = new Lazy<IncidentSnapshotEndpoint>(() => ActivatorUtilities.CreateInstance<IncidentSnapshotEndpoint>(app.Services));
        app.MapPost(IncidentSnapshotPaths.Events, (HttpContext context) => events.Value.HandleAsync(context));
        app.MapGet(IncidentSnapshotPaths.SnapshotRoute, (HttpContext context, string file) => snapshots.Value.HandleAsync(context, file));
        return app;
    }
}
