using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.Map;

/// <summary>
/// <c>GET /map/layers/{wards|roads|admin|pois}.geojson[?bbox=w,s,e,n]</c>: a GeoJSON FeatureCollection, public (no key),
/// with an ETag so a map that already has the layer gets 304. A bbox is served as its tile-aligned cover (the features
/// of a slightly larger box); uncached boxes are limited per client address (429 with Retry-After).
/// </summary>
internal static class BasemapEndpoint
{
    public const string Route = "/map/layers/{layer}.geojson";

    public static async Task HandleAsync(HttpContext context, string layer, BasemapStore store, BasemapQueryLimiter limiter, ILoggerFactory loggers)
    {
        // Letters only: Enum.TryParse would also take "1" or "wards,roads" (flag combinations).
        if (!layer.All(char.IsAsciiLetter) || !Enum.TryParse<BasemapLayer>(layer, ignoreCase: true, out var which) || !Enum.IsDefined(which))
        {
            await Problem(context, StatusCodes.Status404NotFound, $"unknown layer '{layer}': use wards, roads, admin or pois");
            return;
        }
        var bbox = BasemapBbox.Parse(context.Request.Query["bbox"], out var error);
        if (error is not null)
        {
            await Problem(context, StatusCodes.Status400BadRequest, error);
            return;
        }

        // Only a query costs: cached documents are served to everyone, new boxes are counted per address.
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (store.TryGetCached(which, bbox) is null && !limiter.TryAcquire(address, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problem(context, StatusCodes.Status429TooManyRequests, "too many new basemap areas from this address; retry later or pan less far");
            return;
        }

        BasemapDocument document;
        try
        {
            document = await store.GetAsync(which, bbox, context.RequestAborted);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            loggers.CreateLogger(typeof(BasemapEndpoint)).LogWarning(e, "Basemap layer {Layer} could not be read", which);
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "the basemap database is not available");
            return;
        }

        var headers = context.Response.Headers;
        headers.ETag = document.ETag;
        headers.CacheControl = "public, max-age=30";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == document.ETag || tag.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "application/geo+json";
        await context.Response.WriteAsync(document.Json, context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsJsonAsync(new { error = message }, context.RequestAborted);
    }
}
