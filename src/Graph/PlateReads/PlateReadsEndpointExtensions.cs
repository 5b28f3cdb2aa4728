using CityTwin.Graph.PlateReads;
using Microsoft.Extensions.Options;

// In the Extensions namespace, beside the host's other Map… calls, so the host maps it in one line.
namespace CityTwin.Graph.Extensions;

/// <summary>Wiring of the plate-read webhook and the crop URLs.</summary>
public static class PlateReadsEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST /plates/reads</c> and <c>GET /plates/crops/{id}.jpg</c>. The endpoints are built on first use from the
    /// app's singletons (key store, rate limiter, ingest, crop store, audit), so the host needs no extra registration and
    /// nothing is resolved while the app is mapped.
    /// </summary>
    public static WebApplication MapCityTwinPlateReads(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(PlateReadsOptions.Section).Get<PlateReadsOptions>() ?? new PlateReadsOptions();
        var reads = new Lazy<PlateReadsEndpoint>(() => ActivatorUtilities.CreateInstance<PlateReadsEndpoint>(app.Services, Options.Create(settings)));
        var crops = new Lazy<PlateCropEndpoint>(() => ActivatorUtilities.CreateInstance<PlateCropEndpoint>(app.Services));
        app.MapPost(PlateCropPaths.Reads, (HttpContext context) => reads.Value.HandleAsync(context));
        app.MapGet(PlateCropPaths.CropRoute, (HttpContext context, string file) => crops.Value.HandleAsync(context, file));
        return app;
    }
}
