using CityTwin.Twin.Markets;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// Turns webhook or GraphQL input into the twin's batch, one error per missing or unusable field, so the webhook and the
/// mutation refuse the same input with the same codes.
/// </summary>
public static class MarketBatchMapper
{
    public static MarketBatch? ToBatch(IReadOnlyList<MarketSessionInput?>? sessions, IReadOnlyList<MarketOrderInput?>? orders, List<MarketItemError> errors)
    {
        sessions ??= [];
        orders ??= [];
        if (sessions.Count + orders.Count > MarketLimits.MaxBatch)
        {
            errors.Add(new MarketItemError("batch", 0, MarketErrorCodes.TooMany, $"a batch holds at most {MarketLimits.MaxBatch} sessions and orders"));
            return null;
        }
        var mappedSessions = new List<MarketSessionDefinition>(sessions.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            var s = sessions[i];
            if (s?.SessionId is null || s.Platform is null || s.HostStoreIds is null || s.StartedAt is null)
                errors.Add(new MarketItemError("session", i, MarketErrorCodes.InvalidField, "sessionId, platform, hostStoreIds and startedAt are required"));
            else
                mappedSessions.Add(new MarketSessionDefinition(s.SessionId, s.Platform, [.. s.HostStoreIds], s.StartedAt.Value, s.EndedAt, s.PeakViewers ?? 0));
        }
        var mappedOrders = new List<MarketOrderEvent>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            var o = orders[i];
            if (o?.Platform is null || o.PlatformOrderId is null || o.SessionId is null || o.StoreId is null || o.AmountVnd is null
                || o.PlacedAt is null || o.Status is null || o.Version is null)
            {
                errors.Add(new MarketItemError("order", i, MarketErrorCodes.InvalidField,
                    "platform, platformOrderId, sessionId, storeId, amountVnd, placedAt, status and version are required"));
                continue;
            }
            var amount = o.AmountVnd.Value;
            if (amount < 0)
                errors.Add(new MarketItemError("order", i, MarketErrorCodes.NegativeAmount, $"order {o.Platform}/{o.PlatformOrderId}: amount {amount} VND is negative"));
            else if (amount > MarketLimits.MaxOrderAmountVnd)
                errors.Add(new MarketItemError("order", i, MarketErrorCodes.AmountOutOfRange,
                    $"order {o.Platform}/{o.PlatformOrderId}: amount {amount} VND is above the limit of {MarketLimits.MaxOrderAmountVnd}"));
            else if (decimal.Truncate(amount) != amount)
                errors.Add(new MarketItemError("order", i, MarketErrorCodes.InvalidField, $"order {o.Platform}/{o.PlatformOrderId}: an amount in VND is a whole number"));
            else
                mappedOrders.Add(new MarketOrderEvent(o.Platform, o.PlatformOrderId, o.SessionId, o.StoreId, (long)amount, o.Items ?? 1,
                    o.PlacedAt.Value, o.Status.Value, o.Version.Value, o.BuyerPhone));
        }
        return errors.Count == 0 ? new MarketBatch(mappedSessions, mappedOrders) : null;
    }
}
