using CityTwin.Vision.Imaging;

namespace CityTwin.Graph.DicomWeb;

/// <summary>Wiring of DICOMweb on the host: the imaging receivers (C-STORE SCP, inbox, store) and STOW-RS at <c>/dicomweb</c>.</summary>
public static class DicomWebExtensions
{
    public const string Path = "/dicomweb";

    /// <summary>
    /// Adds the imaging store and receivers (<see cref="ImagingServiceExtensions.AddCityTwinImagingReceivers"/>) and the
    /// STOW-RS endpoint with its limits (<c>CityTwin:Imaging:DicomWeb</c>). Needs the twin database and the API keys.
    /// </summary>
    public static IServiceCollection AddCityTwinImagingDicomWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCityTwinImagingReceivers(configuration);
        services.Configure<DicomWebOptions>(configuration.GetSection(DicomWebOptions.Section));
        services.AddSingleton<StowRsLimiter>();
        services.AddSingleton<StowRsEndpoint>();
        services.AddCityTwinDicomWebQueries(configuration);
        return services;
    }

    /// <summary>Maps STOW-RS: <c>POST /dicomweb/studies</c> and <c>POST /dicomweb/studies/{study}</c>.</summary>
    public static WebApplication MapCityTwinDicomWeb(this WebApplication app)
    {
        app.MapPost($"{Path}/studies", (HttpContext context) =>
            context.RequestServices.GetRequiredService<StowRsEndpoint>().HandleAsync(context, null));
        app.MapPost($"{Path}/studies/{{study}}", (HttpContext context, string study) =>
            context.RequestServices.GetRequiredService<StowRsEndpoint>().HandleAsync(context, study));
        app.MapCityTwinDicomWebQueries();
        return app;
    }
}
