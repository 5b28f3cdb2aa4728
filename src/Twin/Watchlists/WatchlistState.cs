namespace CityTwin.Twin.Watchlists;

/// <summary>The active watchlist entries of one province, keyed by canonical plate.</summary>
[GenerateSerializer, Alias("CityTwin.WatchlistState")]
public sealed class WatchlistState
{
    [Id(0)] public Dictionary<string, WatchlistEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Removals not yet written to the table; the table keeps the history.</summary>
    [Id(1)] public List<WatchlistRemoval> PendingRemovals { get; set; } = [];
}
