using System.Net;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Health;
using CityTwin.Graph.Map;
using CityTwin.Twin.Demo;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;

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
        builder.Services.AddHealthChecks().AddCheck<TwinHealthCheck>("twin");
        builder.Services.AddCityTwinSchema();
        builder.Services.AddCityTwinLive();
        builder.Services.AddCityTwinTransport(builder.Configuration);
        builder.AddCityTwinMap();
        return builder;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/graphql</c> (HTTP and WebSocket).</summary>
    public static WebApplication MapCityTwinEndpoints(this WebApplication app)
    {
        app.MapCityTwinGraphQL();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapCityTwinMap();
        return app;
    }
}
