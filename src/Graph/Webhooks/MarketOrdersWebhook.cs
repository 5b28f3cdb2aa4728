using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Graph.Execution;
using CityTwin.Twin.Markets;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// <c>POST /webhooks/market-orders</c>: platform connectors post batches of sessions and order events for one market,
/// signed per connector (<see cref="WebhookSignature"/>). Checks run cheapest first: connector and timestamp (401),
/// media type (415), size (413), signature and replay (401), JSON (400); then the batch is applied all or nothing:
/// 200 with counts and totals, 400 with per-item errors, 503 when storage failed (sending the same events again is safe).
/// </summary>
public sealed partial class MarketOrdersWebhook(ConnectorSecrets connectors, SignatureReplayGuard replays, MarketWebhookOptions options,
    IGrainFactory grains, TimeProvider clock, ILogger<MarketOrdersWebhook> logger)
{
    public const string Path = "/webhooks/market-orders";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task HandleAsync(HttpContext context)
    {
        var connector = context.Request.Headers[WebhookSignature.ConnectorHeader].ToString();
        var secret = connectors.SecretOf(connector);
        if (secret is null)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, MarketWebhookResponse.Refused("UNKNOWN_CONNECTOR",
                $"Name a known connector in {WebhookSignature.ConnectorHeader}."));
            return;
        }
        if (!long.TryParse(context.Request.Headers[WebhookSignature.TimestampHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, MarketWebhookResponse.Refused("BAD_TIMESTAMP",
                $"{WebhookSignature.TimestampHeader} must be the Unix time in seconds."));
            return;
        }
        var skew = Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - stamp);
        if (skew > options.ReplayWindow.TotalSeconds)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, MarketWebhookResponse.Refused("EXPIRED",
                $"The request was signed {skew} s away from the host's clock; the window is {options.ReplayWindow.TotalSeconds:0} s."));
            return;
        }
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, MarketWebhookResponse.Refused("UNSUPPORTED_MEDIA_TYPE",
                $"The body must be application/json, not '{context.Request.ContentType}'."));
            return;
        }
        var body = await ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, MarketWebhookResponse.Refused("REQUEST_TOO_LARGE",
                $"The body exceeds {options.MaxBodyBytes} bytes; send fewer events per request."));
            return;
        }
        var signature = context.Request.Headers[WebhookSignature.SignatureHeader].ToString();
        if (!WebhookSignature.Matches(secret, stamp, body, signature))
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, MarketWebhookResponse.Refused("BAD_SIGNATURE",
                $"{WebhookSignature.SignatureHeader} is not sha256=HMAC-SHA256(secret, \"{{timestamp}}.\" + body) for connector {connector}."));
            return;
        }
        if (!replays.TryRemember(signature))
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, MarketWebhookResponse.Refused("REPLAYED",
                "This signed request was already received; sign each delivery with its own timestamp."));
            return;
        }
        var stored = false;
        try
        {
            stored = await ApplyAsync(context, body);
        }
        finally
        {
            // A request refused before storing may be corrected and sent again; only a stored one is a replay.
            if (!stored) replays.Forget(signature);
        }
    }

    private async Task<bool> ApplyAsync(HttpContext context, byte[] body)
    {
        MarketWebhookBody? request;
        try
        {
            request = JsonSerializer.Deserialize<MarketWebhookBody>(body, Json);
        }
        catch (JsonException e)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, MarketWebhookResponse.Refused("BAD_JSON", $"The body is not the expected JSON: {e.Message}"));
            return false;
        }
        catch (InvalidOperationException)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, MarketWebhookResponse.Refused("BAD_JSON", JsonText.LoneSurrogate));
            return false;
        }
        if (request?.MarketId is not { Length: > 0 and <= 64 } marketId)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, MarketWebhookResponse.Refused("BAD_JSON",
                "The body must be { \"marketId\": \"...\", \"sessions\": [ ... ], \"orders\": [ ... ] }."));
            return false;
        }
        var errors = new List<MarketItemError>();
        var batch = MarketBatchMapper.ToBatch(request.Sessions, request.Orders, errors);
        MarketBatchResult result;
        try
        {
            result = batch is null ? MarketBatchResult.Refused(errors) : await grains.GetGrain<IMarketGrain>(marketId).ApplyAsync(batch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogApplyFailed(logger, e, marketId);
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, MarketWebhookResponse.Refused("UNAVAILABLE",
                "The twin could not store the batch now; send the same events again (they are applied once)."));
            return false;
        }
        await WriteAsync(context, result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, MarketWebhookResponse.From(result));
        return result.Accepted;
    }

    /// <summary>The body, or null once it passes <paramref name="limit"/>.</summary>
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a market batch for {MarketId} failed; the connector was told to retry")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string marketId);

    private static Task WriteAsync(HttpContext context, int status, MarketWebhookResponse response)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(response, Json, context.RequestAborted);
    }
}
