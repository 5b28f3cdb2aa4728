using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Vehicles.Reads;

namespace CityTwin.Graph.PlateReads;

/// <summary>
/// <c>GET /plates/crops/{id}.jpg</c>: a stored plate crop, for roles that see plates in clear (operators). A crop shows
/// the plate, so every view is audited like a plate lookup, before the image is sent; partners and planners get 403.
/// </summary>
public sealed class PlateCropEndpoint(IApiKeyStore keys, IPlateCropStore crops, IPlateLookupAudit audit)
{
    public async Task HandleAsync(HttpContext context, string file)
    {
        var caller = keys.Authenticate(context.Request.Headers.Authorization.ToString());
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CityTwin\"";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (!Access.Allows(caller, Capability.PlateCrops))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"The {Access.Name(caller.Role)} role may not see plate crops.", context.RequestAborted);
            return;
        }
        var id = file.EndsWith(".jpg", StringComparison.Ordinal) ? file[..^4] : "";
        if (!JpegCrop.IsCropId(id) || await crops.FindAsync(id, context.RequestAborted) is not { } crop)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await audit.RecordAsync(new PlateLookup(caller.KeyId, Access.Name(caller.Role), crop.PlateKey, "plateCrop"), context.RequestAborted);
        context.Response.ContentType = "image/jpeg";
        // The image shows a plate: never kept by shared caches.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.ContentLength = crop.Jpeg.Length;
        await context.Response.Body.WriteAsync(crop.Jpeg, context.RequestAborted);
    }
}
