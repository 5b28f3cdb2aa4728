using CityTwin.Twin.Common;

namespace CityTwin.Twin.Stores;

/// <summary>One online-market livestream session and what it sold.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LivestreamSession")]
public sealed record LivestreamSession(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Platform,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] int Orders,
    [property: Id(4)] long RevenueVnd)
{
    /// <summary>Throws <see cref="TwinValidationException"/> naming the store, the session and the bad field.</summary>
    public void Validate(string storeId, TimeProvider clock)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(SessionId) && SessionId.Length <= 128, $"store {storeId}: a session id of 1..128 characters is required");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(Platform) && Platform.Length <= 64, $"store {storeId} session {SessionId}: a platform is required");
        TwinValidationException.Require(Orders >= 0, $"store {storeId} session {SessionId}: orders cannot be negative");
        TwinValidationException.Require(RevenueVnd >= 0, $"store {storeId} session {SessionId}: revenue cannot be negative");
        clock.EnsureNotFuture(StartedAt, $"store {storeId} session {SessionId}");
    }
}
