using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Rendering;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Graph.DicomWeb;

/// <summary>Wiring of QIDO-RS and WADO-RS under <c>/dicomweb</c>; rendering shares the reader's GDCM worker pool.</summary>
public static class DicomWebQueryExtensions
{
    public static IServiceCollection AddCityTwinDicomWebQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DecoderPoolOptions>(configuration.GetSection(DecoderPoolOptions.Section));
        services.TryAddSingleton<DecoderPool>();
        services.Configure<RenderingOptions>(configuration.GetSection(RenderingOptions.Section));
        services.TryAddSingleton<JpegRenderer>();
        services.TryAddSingleton<DicomWebInstances>();
        services.TryAddSingleton<QidoRsEndpoint>();
        services.TryAddSingleton<WadoRsEndpoint>();
        return services;
    }

    public static WebApplication MapCityTwinDicomWebQueries(this WebApplication app)
    {
        const string root = DicomWebExtensions.Path;
        static QidoRsEndpoint Qido(HttpContext c) => c.RequestServices.GetRequiredService<QidoRsEndpoint>();
        static WadoRsEndpoint Wado(HttpContext c) => c.RequestServices.GetRequiredService<WadoRsEndpoint>();
        app.MapGet($"{root}/studies", (HttpContext c) => Qido(c).HandleAsync(c, "study", null, null));
        app.MapGet($"{root}/series", (HttpContext c) => Qido(c).HandleAsync(c, "series", null, null));
        app.MapGet($"{root}/instances", (HttpContext c) => Qido(c).HandleAsync(c, "instance", null, null));
        app.MapGet($"{root}/studies/{{study}}/series", (HttpContext c, string study) => Qido(c).HandleAsync(c, "series", study, null));
        app.MapGet($"{root}/studies/{{study}}/instances", (HttpContext c, string study) => Qido(c).HandleAsync(c, "instance", study, null));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}/instances", (HttpContext c, string study, string series) => Qido(c).HandleAsync(c, "instance", study, series));
        app.MapGet($"{root}/studies/{{study}}", (HttpContext c, string study) => Wado(c).RetrieveAsync(c, study, null, null));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}", (HttpContext c, string study, string series) => Wado(c).RetrieveAsync(c, study, series, null));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}/instances/{{instance}}", (HttpContext c, string study, string series, string instance) =>
            Wado(c).RetrieveAsync(c, study, series, instance));
        app.MapGet($"{root}/studies/{{study}}/metadata", (HttpContext c, string study) => Wado(c).MetadataAsync(c, study, null, null));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}/metadata", (HttpContext c, string study, string series) => Wado(c).MetadataAsync(c, study, series, null));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}/instances/{{instance}}/metadata", (HttpContext c, string study, string series, string instance) =>
            Wado(c).MetadataAsync(c, study, series, instance));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}/instances/{{instance}}/rendered", (HttpContext c, string study, string series, string instance) =>
            Wado(c).RenderedAsync(c, study, series, instance));
        app.MapGet($"{root}/studies/{{study}}/series/{{series}}/instances/{{instance}}/bulkdata/{{tag}}", (HttpContext c, string study, string series, string instance, string tag) =>
            Wado(c).BulkDataAsync(c, study, series, instance, tag));
        return app;
    }
}
