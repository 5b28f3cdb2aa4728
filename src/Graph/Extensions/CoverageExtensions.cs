using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Importers.RealLayers;
using CityTwin.Twin.Planning;

namespace CityTwin.Graph.Extensions;

/// <summary>Planners' wiring: coverage and planning services, the real-layer loader at start-up, and the export endpoints.</summary>
public static class CoverageExtensions
{
    /// <summary>Configuration key that turns on loading the real layers at start-up (<c>./run</c> sets it).</summary>
    public const string LoadRealLayersKey = "CityTwin:RealLayers:Load";

    /// <summary>Adds the services; with <see cref="LoadRealLayersKey"/> true, loads the shared real layers once the demo city is in.</summary>
    public static WebApplicationBuilder AddCityTwinCoverage(this WebApplicationBuilder builder)
    {
        builder.Services.AddTwinCoverage();
        if (builder.Configuration.GetValue<bool>(LoadRealLayersKey))
        {
            var shared = builder.Configuration["CityTwin:RealLayers:SharedRoot"] ?? Environment.GetEnvironmentVariable("CITYTWIN_SHARED");
            builder.Services.AddHostedService(sp => new RealLayerService(sp.GetRequiredService<RealLayerLoader>(),
                sp.GetRequiredService<TwinReadiness>(), shared, sp.GetRequiredService<ILogger<RealLayerService>>()));
        }
        return builder;
    }

    /// <summary>
    /// <c>GET /coverage/gaps.geojson|csv</c> (<c>?wardCode=</c>) and <c>GET /coverage/plans/{id}.geojson|csv</c>, for
    /// planners and operators (Bearer key).
    /// </summary>
    public static WebApplication MapCityTwinCoverage(this WebApplication app)
    {
        app.MapGet("/coverage/gaps.{format}", async (HttpContext context, string format, IApiKeyStore keys, CoverageCalculator calculator) =>
        {
            if (Refuse(context, keys) is { } refused) return refused;
            if (format is not ("geojson" or "csv")) return Results.NotFound();
            try
            {
                var gaps = await calculator.GapsAsync(new CoverageRequest(context.Request.Query["wardCode"].FirstOrDefault()), context.RequestAborted);
                return format == "csv" ? Results.Text(GapExport.ToCsv(gaps), "text/csv") : Results.Text(GapExport.ToGeoJson(gaps), "application/geo+json");
            }
            catch (TwinValidationException e)
            {
                return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        app.MapGet("/coverage/plans/{file}", async (HttpContext context, string file, IApiKeyStore keys, CameraPlans plans) =>
        {
            if (Refuse(context, keys) is { } refused) return refused;
            var (id, format) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
            if (format is not (".geojson" or ".csv") || await plans.FindAsync(id, context.RequestAborted) is not { } plan)
                return Results.NotFound();
            return format == ".csv" ? Results.Text(PlanExport.ToCsv(plan), "text/csv") : Results.Text(PlanExport.ToGeoJson(plan), "application/geo+json");
        });
        return app;
    }

    private static IResult? Refuse(HttpContext context, IApiKeyStore keys)
    {
        var caller = keys.Authenticate(context.Request.Headers.Authorization.ToString());
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CityTwin\"";
            return Results.Unauthorized();
        }
        return Access.Allows(caller, Capability.Coverage) ? null
            : Results.Text($"The {Access.Name(caller.Role)} role may not read coverage.", statusCode: StatusCodes.Status403Forbidden);
    }
}
