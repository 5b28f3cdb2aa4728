using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.Incidents.Snapshots;

namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// <c>GET /incidents/snapshots/{id}.jpg</c>: a stored incident snapshot, for roles with
/// <see cref="Capability.IncidentSnapshots"/> (operators). A snapshot may show people, so it is never cached by others.
/// </summary>
public sealed class IncidentSnapshotEndpoint(IApiKeyStore keys, IIncidentSnapshotStore snapshots)
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
        if (!Access.Allows(caller, Capability.IncidentSnapshots))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"The {Access.Name(caller.Role)} role may not see incident snapshots.", context.RequestAborted);
            return;
        }
        var id = file.EndsWith(".jpg", StringComparison.Ordinal) ? file[..^4] : "";
        if (await snapshots.ReadAsync(id, context.RequestAborted) is not { } jpeg)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "image/jpeg";
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.ContentLength = jpeg.Length;
        await context.Response.Body.WriteAsync(jpeg, context.RequestAborted);
    }
}
