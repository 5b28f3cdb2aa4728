using CityTwin.Twin.Vehicles;
using Orleans.Concurrency;

namespace CityTwin.Twin.Watchlists;

/// <summary>
/// The watchlist of one province, keyed by its two-digit plate code. Partitioning by province is exact because a
/// match never crosses province codes, and it spreads the load across grains.
/// </summary>
[Alias("CityTwin.IWatchlistGrain")]
public interface IWatchlistGrain : IGrainWithStringKey
{
    /// <summary>Adds a plate; adding one already listed returns the existing entry.</summary>
    [Alias("Add")] Task<WatchlistEntry> AddAsync(WatchlistRequest request);

    /// <summary>Removes a plate; false when it was not listed.</summary>
    [Alias("Remove")] Task<bool> RemoveAsync(string plateKey, string removedBy, string reason);

    /// <summary>The active entries.</summary>
    [Alias("GetEntries")] Task<IReadOnlyList<WatchlistEntry>> GetEntriesAsync();

    /// <summary>
    /// The entry a plate matches, exactly or with one OCR confusion, or null. Interleaves so a vehicle that
    /// activates while this grain is notifying vehicles never waits on it.
    /// </summary>
    [Alias("Match"), AlwaysInterleave] Task<WatchMatch?> MatchAsync(string plateKey);
}
