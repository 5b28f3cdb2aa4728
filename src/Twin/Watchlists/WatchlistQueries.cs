using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Watchlists;

/// <summary>Reads of <c>watchlist_entries</c>: the active entries are the rows nobody removed yet.</summary>
public static class WatchlistQueries
{
    /// <summary>Entries currently watched, across provinces.</summary>
    public static IQueryable<WatchlistEntryRow> ActiveWatchlistEntries(this TwinDbContext db) =>
        db.Set<WatchlistEntryRow>().Where(entry => entry.RemovedAt == null);

    /// <summary>The entry as the watchlist grain hands it out.</summary>
    public static WatchlistEntry ToEntry(this WatchlistEntryRow row) =>
        new(row.PlateKey, row.DisplayPlate, row.Reason, row.ReportedAt, row.ReportedBy, row.WardCode, row.AddedAt);
}
