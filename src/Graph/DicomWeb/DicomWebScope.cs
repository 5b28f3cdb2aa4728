using CityTwin.Graph.Auth;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// Who may query and retrieve (QIDO-RS, WADO-RS): a <c>clinic:&lt;id&gt;</c> key sees its own clinic's instances only;
/// an operator names the clinic with <c>?clinic=</c>. Instances of any other clinic are answered as not found, so a
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
        return principal.Role switch
        {
            TwinRole.Clinic when principal.ClinicId is { } clinic => (clinic, 200, null),
            TwinRole.Operator when context.Request.Query["clinic"].FirstOrDefault() is { Length: > 0 } clinic => (clinic, 200, null),
            TwinRole.Operator => (null, StatusCodes.Status400BadRequest, "an operator must name the clinic: ?clinic=<id>"),
            _ => (null, StatusCodes.Status403Forbidden, "only a clinic key or an operator key may query or retrieve instances"),
        };
    }

    public static async Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { status, detail }, context.RequestAborted);
    }
}
