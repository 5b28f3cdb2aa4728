using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// The checks every signed webhook (market orders, classroom) runs before reading its content, cheapest first: a known
/// connector and a timestamp inside the replay window (401), media type (415), size (413), signature (401), the
/// connector's request budget (429 with Retry-After, <see cref="ConnectorRateLimiter"/>) and replay (401). On refusal it
/// answers the request itself and returns null.
/// </summary>
public sealed class SignedWebhookReader(
    ConnectorSecrets connectors, SignatureReplayGuard replays, ConnectorRateLimiter rateLimiter, MarketWebhookOptions options, TimeProvider clock)
{
    /// <summary>JSON as the webhooks read and write it: web names, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The verified body and its signature (to <see cref="Release"/> when the content is then refused), or null once refused.</summary>
    public async Task<(byte[] Body, string Signature)?> ReadAsync(HttpContext context)
    {
        var connector = context.Request.Headers[WebhookSignature.ConnectorHeader].ToString();
        var secret = connectors.SecretOf(connector);
        if (secret is null)
            return await RefuseAsync(context, StatusCodes.Status401Unauthorized, "UNKNOWN_CONNECTOR", $"Name a known connector in {WebhookSignature.ConnectorHeader}.");
        if (!long.TryParse(context.Request.Headers[WebhookSignature.TimestampHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
            return await RefuseAsync(context, StatusCodes.Status401Unauthorized, "BAD_TIMESTAMP", $"{WebhookSignature.TimestampHeader} must be the Unix time in seconds.");
        var skew = Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - stamp);
        if (skew > options.ReplayWindow.TotalSeconds)
            return await RefuseAsync(context, StatusCodes.Status401Unauthorized, "EXPIRED",
                $"The request was signed {skew} s away from the host's clock; the window is {options.ReplayWindow.TotalSeconds:0} s.");
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"The body must be application/json, not '{context.Request.ContentType}'.");
        var body = await ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);
        if (body is null)
            return await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The body exceeds {options.MaxBodyBytes} bytes; send fewer events per request.");
        var signature = context.Request.Headers[WebhookSignature.SignatureHeader].ToString();
        if (!WebhookSignature.Matches(secret, stamp, body, signature))
            return await RefuseAsync(context, StatusCodes.Status401Unauthorized, "BAD_SIGNATURE",
                $"{WebhookSignature.SignatureHeader} is not sha256=HMAC-SHA256(secret, \"{{timestamp}}.\" + body) for connector {connector}.");
        // After the signature, so only the connector's own requests spend its budget; before the replay guard, so a
        // refused request may be sent again as it is once the budget allows.
        if (!rateLimiter.TryAcquire(connector, context.Request.Path, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
                $"Connector {connector} may post {rateLimiter.BudgetOf(connector).RequestsPerSecond} requests a second; retry after {Math.Ceiling(retryAfter.TotalSeconds):0} s with the same events.");
        }
        if (!replays.TryRemember(signature))
            return await RefuseAsync(context, StatusCodes.Status401Unauthorized, "REPLAYED", "This signed request was already received; sign each delivery with its own timestamp.");
        return (body, signature);
    }

    /// <summary>Forgets a signature whose request stored nothing, so the connector may correct or retry it.</summary>
    public void Release(string signature) => replays.Forget(signature);

    public static async Task<(byte[] Body, string Signature)?> RefuseAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new WebhookRefusal(code, message), Json, context.RequestAborted);
        return null;
    }

    /// <summary>The body, or null once it passes <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        if (request.ContentLength is { } length) return await ReadKnownLengthAsync(request.Body, (int)length, cancellationToken);
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

    /// <summary>
    /// A body of announced length, read into one array of that size: a flash sale's 300 kB batches then cost one
    /// large-object allocation each instead of a growing buffer and its copy (large-object allocations drive gen-2 GCs).
    /// </summary>
    private static async Task<byte[]> ReadKnownLengthAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        int read;
        while (filled < length && (read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken)) > 0) filled += read;
        // Kestrel ends a request whose body falls short of its Content-Length with an error, so this is only defensive.
        return filled == length ? bytes : bytes[..filled];
    }
}
