using CityTwin.Twin.Common;

namespace CityTwin.Twin.Watchlists;

/// <summary>A request to watch a plate, as typed by an officer or sent by a partner app.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.WatchlistRequest")]
public sealed record WatchlistRequest(
    [property: Id(0)] string PlateText,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset ReportedAt,
    [property: Id(3)] string ReportedBy,
    [property: Id(4)] string? WardCode = null)
{
    /// <summary>Throws <see cref="TwinValidationException"/> naming the plate and the bad field.</summary>
    public void Validate(TimeProvider clock)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(Reason) && Reason.Length <= 500,
            $"watchlist {PlateText}: a reason of 1..500 characters is required");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(ReportedBy) && ReportedBy.Length <= 200,
            $"watchlist {PlateText}: reported-by of 1..200 characters is required");
        clock.EnsureNotFuture(ReportedAt, $"watchlist {PlateText}");
    }
}
