using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// Who may query and retrieve (QIDO-RS, WADO-RS): a <c>clinic:&lt;id&gt;</c> key sees its own clinic's instances only,
/// as <see cref="Access"/> rules for imaging results. Instances of any other clinic are answered as not found, so a
/// key learns nothing about studies it may not see.
/// </summary>
public static class DicomWebScope
{
    /// <summary>The clinic the request is scoped to, or the problem status and reason.</summary>
    public static (string? ClinicId, int Status, string? Problem) Resolve(IApiKeyStore keys, HttpContext context)
    {
        var principal = keys.Authenticate(context.Request.Headers.Authorization);
        if (principal is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, StatusCodes.Status401Unauthorized, "a Bearer API key is required");
        }
        // The access policy decides (ImagingResults: pseudonymised patient data, the clinic's own key only).
        return Access.Allows(principal, Capability.ImagingResults) && principal.ClinicId is { } clinic
            ? (clinic, 200, null)
            : (null, StatusCodes.Status403Forbidden, "only a clinic's own key may query or retrieve its instances");
    }

    public static async Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { status, detail }, context.RequestAborted);
    }
}
