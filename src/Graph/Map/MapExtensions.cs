using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Map;

/// <summary>
/// Serves the map client: the built files of <c>client/</c> at <c>/</c> (with a fallback to index.html for client
/// routes, and a 503 page when it was not built) and the public basemap layers as GeoJSON under <c>/map/layers/</c>.
/// </summary>
public static class MapExtensions
{
    /// <summary>Registers the basemap store and the options of <c>CityTwin:Client</c> and <c>CityTwin:Map</c>.</summary>
    public static WebApplicationBuilder AddCityTwinMap(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MapClientOptions>(builder.Configuration.GetSection(MapClientOptions.Section));
        builder.Services.Configure<BasemapOptions>(builder.Configuration.GetSection(BasemapOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BasemapStore>();
        builder.Services.AddSingleton<BasemapQueryLimiter>();
        return builder;
    }

    /// <summary>Maps the static client at <c>/</c> and <c>GET /map/layers/{layer}.geojson</c>. Call after the GraphQL endpoints.</summary>
    public static WebApplication MapCityTwinMap(this WebApplication app)
    {
        var folder = ClientFolderLocator.Resolve(app.Services.GetRequiredService<IOptions<MapClientOptions>>().Value.Path);
        var built = File.Exists(Path.Combine(folder, "index.html"));
        if (built)
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // Vite names assets by content hash, so they never change; index.html must always be asked again.
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                    context.File.Name.EndsWith(".html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=31536000, immutable",
            });
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.Logger.LogWarning("The map client is not built ({Folder} has no index.html): / answers 503", folder);
            app.MapFallback(context => ClientNotBuiltPage.WriteAsync(context, folder));
        }
        app.MapGet(BasemapEndpoint.Route, BasemapEndpoint.HandleAsync);
        return app;
    }
}
