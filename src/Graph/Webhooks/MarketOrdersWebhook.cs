using System.Text.Json;
using CityTwin.Graph.Execution;
using CityTwin.Twin.Markets;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// <c>POST /webhooks/market-orders</c>: platform connectors post batches of sessions and order events for one market,
/// signed per connector (<see cref="WebhookSignature"/>, checked by <see cref="SignedWebhookReader"/>: 401, 413, 415).
/// Then JSON (400), and the batch is applied all or nothing: 200 with counts and totals, 400 with per-item errors, 503
/// when storage failed (sending the same events again is safe).
/// </summary>
public sealed partial class MarketOrdersWebhook(SignedWebhookReader reader, IGrainFactory grains, ILogger<MarketOrdersWebhook> logger)
{
    public const string Path = "/webhooks/market-orders";

    public async Task HandleAsync(HttpContext context)
    {
        if (await reader.ReadAsync(context) is not var (body, signature)) return;
        var stored = false;
        try
        {
            stored = await ApplyAsync(context, body);
        }
        finally
        {
            // A request refused before storing may be corrected and sent again; only a stored one is a replay.
            if (!stored) reader.Release(signature);
        }
    }

    private async Task<bool> ApplyAsync(HttpContext context, byte[] body)
    {
        MarketWebhookBody? request;
        try
        {
            request = JsonSerializer.Deserialize<MarketWebhookBody>(body, SignedWebhookReader.Json);
        }
        catch (JsonException e)
        {
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status400BadRequest, "BAD_JSON", $"The body is not the expected JSON: {e.Message}");
            return false;
        }
        catch (InvalidOperationException)
        {
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status400BadRequest, "BAD_JSON", JsonText.LoneSurrogate);
            return false;
        }
        if (request?.MarketId is not { Length: > 0 and <= 64 } marketId)
        {
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status400BadRequest, "BAD_JSON",
                "The body must be { \"marketId\": \"...\", \"sessions\": [ ... ], \"orders\": [ ... ] }.");
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
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE",
                "The twin could not store the batch now; send the same events again (they are applied once).");
            return false;
        }
        context.Response.StatusCode = result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(MarketWebhookResponse.From(result), SignedWebhookReader.Json, context.RequestAborted);
        return result.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a market batch for {MarketId} failed; the connector was told to retry")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string marketId);
}
