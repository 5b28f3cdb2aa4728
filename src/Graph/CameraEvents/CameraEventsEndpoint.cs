using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.CameraEvents;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// <c>POST /camera-events</c>: the webhook form of <c>reportCameraEvents</c>, checked cheapest first as the plate-read
/// webhook is: key (401), role (403), rate (429), media type (415), size (413), JSON or multipart (400); then the batch is submitted
/// whole: 200 with counts and incidents, 400 with per-event errors, 403 when an event names a camera the key may not
/// report for, 503 when storage failed part way (a replay of the same batch is safe).
/// </summary>
public sealed partial class CameraEventsEndpoint(
    IApiKeyStore keys, ApiKeyRateLimiter rateLimiter, ICameraEventIngest ingest, IOptions<CameraEventsOptions> options, ILogger<CameraEventsEndpoint> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(HttpContext context)
    {
        var caller = keys.Authenticate(context.Request.Headers.Authorization.ToString());
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CityTwin\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, CameraEventsResponse.Refused("UNAUTHENTICATED", "Send the camera's key as 'Authorization: Bearer KEY'."));
            return;
        }
        if (!Access.Allows(caller, Capability.SubmitCameraEvents))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, CameraEventsResponse.Refused("FORBIDDEN", "Only camera keys and operators may report camera events."));
            return;
        }
        if (!rateLimiter.TryAcquire(caller, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, CameraEventsResponse.Refused("RATE_LIMITED", "Rate limit exceeded for this key."));
            return;
        }
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !(CameraEventsBody.IsJson(mediaType) || CameraEventsBody.IsMultipart(mediaType)))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, CameraEventsResponse.Refused("UNSUPPORTED_MEDIA_TYPE",
                $"The body must be application/json or multipart/form-data, not '{context.Request.ContentType}'."));
            return;
        }
        var limit = options.Value.MaxBodyBytes;
        var read = context.Request.ContentLength > limit
            ? CameraEventsBody.Read.Fail(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
                $"The body exceeds {limit} bytes; send fewer events or smaller snapshots per request.")
            : CameraEventsBody.IsJson(mediaType)
                ? await CameraEventsBody.ReadJsonAsync(context.Request, limit, context.RequestAborted)
                : await CameraEventsBody.ReadMultipartAsync(context.Request, mediaType, limit, context.RequestAborted);
        if (read.Refusal is { } refusal)
        {
            await RefuseAsync(context, read.Status, refusal);
            return;
        }
        var events = read.Request!.Events!;

        CameraEventBatchResult result;
        try
        {
            result = await CameraEventSubmission.SubmitAsync(ingest, caller, events, context.RequestAborted, read.Snapshots);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubmitFailed(logger, e, caller.KeyId);
            context.Response.Headers.RetryAfter = "1";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable,
                CameraEventsResponse.Refused("UNAVAILABLE", "The twin could not store the batch now; send the same batch again (replays are recorded once)."));
            return;
        }
        var status = result.Accepted ? StatusCodes.Status200OK
            : result.Errors.Any(e => e.Code == CameraEventErrorCodes.CameraNotAllowed) ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        await WriteAsync(context, status, new CameraEventsResponse(result.Recorded, result.Duplicates, result.IncidentIds, result.Errors));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of camera events from {KeyId} failed; the caller was told to retry")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception, string keyId);

    /// <summary>A refusal of the whole request, before any event is looked at, is counted by its code as event refusals are.</summary>
    private static Task RefuseAsync(HttpContext context, int status, CameraEventsResponse response)
    {
        CameraEventMetrics.Refuse(response.Errors);
        return WriteAsync(context, status, response);
    }

    private static Task WriteAsync(HttpContext context, int status, CameraEventsResponse response)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(response, Json, context.RequestAborted);
    }
}
