using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using CityTwin.Twin.Vehicles.Reads;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.PlateReads;

/// <summary>
/// <c>POST /plates/reads</c>: the webhook form of <c>recordPlateReads</c> for AI cameras that call a URL rather than
/// speak GraphQL. Checks run cheapest first: key (401), role (403), rate (429), media type (415), size (413), JSON
/// (400); then the batch is submitted whole: 200 with counts, 400 with per-read errors, 403 when a read names a camera
/// the key may not submit for, 503 when storage failed (a replay of the same batch is safe).
/// </summary>
public sealed partial class PlateReadsEndpoint(
    IApiKeyStore keys, ApiKeyRateLimiter rateLimiter, IPlateReadIngest ingest, IOptions<PlateReadsOptions> options, ILogger<PlateReadsEndpoint> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(HttpContext context)
    {
        var caller = keys.Authenticate(context.Request.Headers.Authorization.ToString());
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CityTwin\"";
            await WriteAsync(context, StatusCodes.Status401Unauthorized,
                PlateReadsResponse.Refused("UNAUTHENTICATED", "Send the camera's key as 'Authorization: Bearer KEY'."));
            return;
        }
        if (caller.Role is not (TwinRole.Camera or TwinRole.Operator))
        {
            await WriteAsync(context, StatusCodes.Status403Forbidden,
                PlateReadsResponse.Refused("FORBIDDEN", "Only camera keys and operators may submit plate reads."));
            return;
        }
        if (!rateLimiter.TryAcquire(caller, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, StatusCodes.Status429TooManyRequests, PlateReadsResponse.Refused("RATE_LIMITED", "Rate limit exceeded for this key."));
            return;
        }
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                PlateReadsResponse.Refused("UNSUPPORTED_MEDIA_TYPE", $"The body must be application/json, not '{context.Request.ContentType}'."));
            return;
        }
        var limit = options.Value.MaxBodyBytes;
        var body = await ReadBodyAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                PlateReadsResponse.Refused("REQUEST_TOO_LARGE", $"The body exceeds {limit} bytes; send fewer reads or smaller crops per request."));
            return;
        }
        PlateReadsRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<PlateReadsRequest>(body, Json);
        }
        catch (JsonException e)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, PlateReadsResponse.Refused("BAD_JSON", $"The body is not the expected JSON: {e.Message}"));
            return;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a lone surrogate escape ("\ud800") only when the string is read.
            await WriteAsync(context, StatusCodes.Status400BadRequest, PlateReadsResponse.Refused("BAD_JSON", JsonText.LoneSurrogate));
            return;
        }
        if (request?.Reads is not { } reads)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, PlateReadsResponse.Refused("BAD_JSON", "The body must be { \"reads\": [ ... ] }."));
            return;
        }

        PlateReadBatchResult result;
        try
        {
            result = await PlateReadSubmission.SubmitAsync(ingest, caller, reads, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database or a grain failed part way: some plates of the batch may be stored. Replays are safe
            // (idempotency keys), so the camera is told to send the same batch again.
            LogSubmitFailed(logger, e, caller.KeyId);
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                PlateReadsResponse.Refused("UNAVAILABLE", "The twin could not store the batch now; send the same batch again (replays are recorded once)."));
            return;
        }
        var status = result.Accepted ? StatusCodes.Status200OK
            : result.Errors.Any(e => e.Code == PlateReadErrorCodes.CameraNotAllowed) ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        await WriteAsync(context, status, new PlateReadsResponse(result.Recorded, result.Duplicates, result.Errors));
    }

    /// <summary>The body, or null once it passes <paramref name="limit"/> (announced or while reading a chunked body).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of plate reads from {KeyId} failed; the caller was told to retry")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception, string keyId);

    private static Task WriteAsync(HttpContext context, int status, PlateReadsResponse response)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(response, Json, context.RequestAborted);
    }
}
