using System.Net;
using CityTwin.Graph.Cli;
using CityTwin.Graph.DicomWeb;
using CityTwin.Graph.Health;
using CityTwin.Graph.Map;
using CityTwin.Twin.Demo;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Graph.Fire;
using CityTwin.Vision.Imaging.Forwarding;
using CityTwin.Vision.Imaging.Reading;
using CityTwin.Vision.Plates.Hosting;

namespace CityTwin.Graph.Extensions;

/// <summary>Wiring of the single-node host; Program.cs and the commands only call these.</summary>
public static class CityTwinHostExtensions
{
    /// <summary>Adds the database migrator, the Orleans silo, the demo city and health checks, in start-up order.</summary>
    public static WebApplicationBuilder AddCityTwinHost(this WebApplicationBuilder builder, HostSettings settings)
    {
        builder.WebHost.UseUrls(settings.Urls);
        builder.Services.AddSingleton<TwinReadiness>();
        // Hosted services start in registration order: the schema exists before any grain activates.
        builder.Services.AddHostedService<TwinDatabaseMigrator>();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(settings.SiloPort, settings.GatewayPort)
            .Configure<Orleans.Configuration.EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback)
            .AddCityTwin(settings.ConnectionString));
        if (settings.LoadDemoCity)
            builder.Services.AddHostedService<DemoCityService>();
        else
            builder.Services.AddHostedService<SiloReadyService>();
        builder.Services.Configure<PlateCropRetentionOptions>(
            builder.Configuration.GetSection(PlateCropRetentionOptions.Section));
        builder.Services.AddHostedService<PlateCropRetentionService>();
        builder.Services.AddHealthChecks().AddCheck<TwinHealthCheck>("twin");
        builder.Services.AddCityTwinSchema();
        builder.Services.AddCityTwinLive();
        builder.Services.Configure<Live.LiveOptions>(builder.Configuration.GetSection(Live.LiveOptions.Section));
        builder.Services.AddCityTwinTransport(builder.Configuration);
        builder.Services.AddCityTwinImagingDicomWeb(builder.Configuration);
        // Received studies and their AI reports go to the clinic's PACS once CityTwin:Imaging:Pacs:Host is set.
        builder.Services.AddCityTwinPacsForwarding(builder.Configuration);
        // The one place the host picks its reader: the site's model (CityTwin:Imaging:Model), else the non-clinical
        // demo model, else none (studies stay unread and the log says so for each).
        builder.Services.AddCityTwinImagingReader(builder.Configuration);
        builder.AddCityTwinMap();
        builder.AddCityTwinCoverage();
        // Plate reading from the cameras under CityTwin:Vision:Cameras; nothing starts when none are configured.
        builder.Services.AddPlateVisionWorkers(builder.Configuration);
        // Jams from the twin's own sightings (CityTwin:Jams), and the exclusion masks loaded for detectors.
        builder.Services.AddHostedService<Traffic.JamMonitorService>();
        // Smoke and fire on pixels: the cameras under CityTwin:Fire:Cameras feed FireWatch, whose confirmed events
        // enter the twin through the camera-event ingest and open or update incidents.
        builder.Services.AddCityTwinFireIncidents(builder.Configuration);
        return builder;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/graphql</c> (HTTP and WebSocket).</summary>
    public static WebApplication MapCityTwinEndpoints(this WebApplication app)
    {
        app.MapCityTwinGraphQL();
        app.MapCityTwinPlateReads();
        app.MapCityTwinCameraEvents();
        app.MapCityTwinWebhooks();
        app.MapCityTwinDicomWeb();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapCityTwinMap();
        app.MapCityTwinCoverage();
        return app;
    }
}
