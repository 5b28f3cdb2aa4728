using CityTwin.Twin.Common;

namespace CityTwin.Twin.Markets;

/// <summary>
/// Checks every item of a batch against the market as the grain knows it, collecting one error per bad item so the
/// sender learns all of them at once. Nothing is stored when any item is refused.
/// </summary>
internal static class MarketBatchValidator
{
    public static List<MarketItemError> Validate(MarketBatch batch, IReadOnlySet<string> retailers,
        IReadOnlyDictionary<string, MarketSessionDefinition> knownSessions, DateTimeOffset now)
    {
        var errors = new List<MarketItemError>();
        if (batch.Sessions.Count + batch.Orders.Count > MarketLimits.MaxBatch)
        {
            errors.Add(new MarketItemError("batch", 0, MarketErrorCodes.TooMany, $"a batch holds at most {MarketLimits.MaxBatch} sessions and orders"));
            return errors;
        }
        var sessions = new Dictionary<string, MarketSessionDefinition>(knownSessions, StringComparer.Ordinal);
        for (var i = 0; i < batch.Sessions.Count; i++)
        {
            var session = batch.Sessions[i];
            var error = SessionError(session, retailers, now);
            if (error is not null) errors.Add(new MarketItemError("session", i, error.Value.Code, $"session {session.SessionId}: {error.Value.Message}"));
            else sessions[session.SessionId] = session;
        }
        for (var i = 0; i < batch.Orders.Count; i++)
        {
            var order = batch.Orders[i];
            var error = OrderError(order, sessions, now);
            if (error is not null) errors.Add(new MarketItemError("order", i, error.Value.Code, $"order {order.Platform}/{order.PlatformOrderId}: {error.Value.Message}"));
        }
        return errors;
    }

    public static (string Code, string Message)? JoinError(RetailerJoin join, DateTimeOffset now) =>
        !ValidId(join.StoreId) ? (MarketErrorCodes.InvalidField, "a store id of 1..128 characters is required")
        : join.JoinedAt > now + TwinClock.AllowedSkew ? (MarketErrorCodes.FutureTime, $"joined at {join.JoinedAt:O}, which is in the future")
        : null;

    private static (string Code, string Message)? SessionError(MarketSessionDefinition session, IReadOnlySet<string> retailers, DateTimeOffset now)
    {
        if (!ValidId(session.SessionId)) return (MarketErrorCodes.InvalidField, "a session id of 1..128 characters is required");
        if (!ValidId(session.Platform, 64)) return (MarketErrorCodes.InvalidField, "a platform of 1..64 characters is required");
        if (session.HostStoreIds is not { Count: > 0 }) return (MarketErrorCodes.InvalidField, "a session needs at least one host store");
        if (session.HostStoreIds.FirstOrDefault(h => !retailers.Contains(h)) is { } stranger)
            return (MarketErrorCodes.UnknownStore, $"host store {stranger} has not joined this market");
        if (session.PeakViewers < 0) return (MarketErrorCodes.InvalidField, "peak viewers cannot be negative");
        if (session.StartedAt > now + TwinClock.AllowedSkew) return (MarketErrorCodes.FutureTime, $"starts at {session.StartedAt:O}, which is in the future");
        if (session.EndedAt is { } end && end < session.StartedAt) return (MarketErrorCodes.EndsBeforeStart, $"ends at {end:O}, before it starts at {session.StartedAt:O}");
        if (session.EndedAt is { } ended && ended > now + TwinClock.AllowedSkew) return (MarketErrorCodes.FutureTime, $"ends at {ended:O}, which is in the future");
        return null;
    }

    private static (string Code, string Message)? OrderError(MarketOrderEvent order, IReadOnlyDictionary<string, MarketSessionDefinition> sessions, DateTimeOffset now)
    {
        if (!ValidId(order.Platform, 64) || !ValidId(order.PlatformOrderId)) return (MarketErrorCodes.InvalidField, "a platform and an order id of 1..128 characters are required");
        if (order.Version < 1) return (MarketErrorCodes.InvalidField, "version must be 1 or more");
        if (!Enum.IsDefined(order.Status)) return (MarketErrorCodes.InvalidField, $"unknown status {order.Status}");
        if (order.AmountVnd < 0) return (MarketErrorCodes.NegativeAmount, $"amount {order.AmountVnd} VND is negative");
        if (order.AmountVnd > MarketLimits.MaxOrderAmountVnd) return (MarketErrorCodes.AmountOutOfRange, $"amount {order.AmountVnd} VND is above the limit of {MarketLimits.MaxOrderAmountVnd}");
        if (order.Items is < 1 or > MarketLimits.MaxItems) return (MarketErrorCodes.InvalidField, $"items must be 1..{MarketLimits.MaxItems}");
        if (order.BuyerPhone is { Length: > 32 }) return (MarketErrorCodes.InvalidField, "a buyer phone has at most 32 characters");
        if (order.PlacedAt > now + TwinClock.AllowedSkew) return (MarketErrorCodes.FutureTime, $"placed at {order.PlacedAt:O}, which is in the future");
        if (!sessions.TryGetValue(order.SessionId ?? "", out var session)) return (MarketErrorCodes.UnknownSession, $"no session {order.SessionId} in this market");
        if (!string.Equals(session.Platform, order.Platform, StringComparison.OrdinalIgnoreCase))
            return (MarketErrorCodes.PlatformMismatch, $"session {session.SessionId} streams on {session.Platform}, not {order.Platform}");
        if (!session.HostStoreIds.Contains(order.StoreId ?? "", StringComparer.Ordinal))
            return (MarketErrorCodes.UnknownStore, $"store {order.StoreId} is not a host of session {session.SessionId}");
        return null;
    }

    private static bool ValidId(string? id, int max = MarketLimits.MaxIdLength) => !string.IsNullOrWhiteSpace(id) && id.Length <= max;
}
