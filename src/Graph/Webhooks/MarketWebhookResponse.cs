using CityTwin.Twin.Markets;

namespace CityTwin.Graph.Webhooks;

/// <summary>The webhook's answer: counts and totals when accepted, a code and per-item errors when not.</summary>
public sealed record MarketWebhookResponse(
    bool Accepted,
    int Applied,
    int Ignored,
    int Sessions,
    IReadOnlyList<MarketItemError> Errors,
    MarketTotals? Totals,
    string? Code = null,
    string? Message = null)
{
    public static MarketWebhookResponse From(MarketBatchResult result) =>
        new(result.Accepted, result.Applied, result.Ignored, result.Sessions, result.Errors, result.Totals,
            result.Accepted ? null : "REFUSED_ITEMS", result.Accepted ? null : "Nothing was stored; see errors.");
}
