using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Orleans.Storage;

namespace CityTwin.Twin.Watchlists;

/// <summary>
/// Maps a province's <see cref="WatchlistState"/> onto <c>watchlists</c> (version) and <c>watchlist_entries</c>
/// (one row per entry) in one transaction: new entries are inserted, missing ones are marked removed.
/// </summary>
internal sealed class WatchlistStateTable : IStateTable<WatchlistState>
{
    public async Task<StoredState<WatchlistState>?> ReadAsync(TwinDbContext db, string key, CancellationToken cancellationToken)
    {
        var watchlist = await db.Set<WatchlistRow>().AsNoTracking().SingleOrDefaultAsync(w => w.ProvinceCode == key, cancellationToken);
        if (watchlist is null) return null;
        var entries = await db.Set<WatchlistEntryRow>().AsNoTracking()
            .Where(e => e.ProvinceCode == key && e.RemovedAt == null)
            .ToListAsync(cancellationToken);
        var state = new WatchlistState
        {
            Entries = entries.ToDictionary(e => e.PlateKey, ToEntry, StringComparer.Ordinal),
        };
        return new StoredState<WatchlistState>(state, watchlist.Version);
    }

    public async Task<int> WriteAsync(TwinDbContext db, string key, WatchlistState state, int? expectedVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var watchlist = await db.Set<WatchlistRow>().SingleOrDefaultAsync(w => w.ProvinceCode == key, cancellationToken);
        if (watchlist is null)
        {
            if (expectedVersion is not null)
                throw new InconsistentStateException($"watchlist {key} was deleted by someone else", expectedVersion.ToString(), (string?)null);
            watchlist = new WatchlistRow { ProvinceCode = key };
            db.Add(watchlist);
        }
        else if (watchlist.Version != expectedVersion)
        {
            throw new InconsistentStateException($"watchlist {key} was changed by someone else", expectedVersion?.ToString(), watchlist.Version.ToString());
        }

        var now = DateTimeOffset.UtcNow;
        var active = await db.Set<WatchlistEntryRow>()
            .Where(e => e.ProvinceCode == key && e.RemovedAt == null)
            .ToDictionaryAsync(e => e.PlateKey, StringComparer.Ordinal, cancellationToken);
        foreach (var row in active.Values.Where(r => !state.Entries.ContainsKey(r.PlateKey)))
        {
            var removal = state.PendingRemovals.LastOrDefault(r => r.PlateKey == row.PlateKey);
            row.RemovedAt = removal?.RemovedAt ?? now;
            row.RemovedBy = removal?.RemovedBy;
            row.RemovalReason = removal?.Reason;
        }
        foreach (var entry in state.Entries.Values.Where(e => !active.ContainsKey(e.PlateKey)))
            db.Add(ToRow(key, entry));

        watchlist.Version = (expectedVersion ?? 0) + 1;
        watchlist.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        state.PendingRemovals.Clear();
        return watchlist.Version;
    }

    public Task DeleteAsync(TwinDbContext db, string key, int? expectedVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a watchlist is never deleted; its entries are removed one by one");

    private static WatchlistEntry ToEntry(WatchlistEntryRow row) =>
        new(row.PlateKey, row.DisplayPlate, row.Reason, row.ReportedAt, row.ReportedBy, row.WardCode, row.AddedAt);

    private static WatchlistEntryRow ToRow(string province, WatchlistEntry entry) => new()
    {
        PlateKey = entry.PlateKey,
        ProvinceCode = province,
        DisplayPlate = entry.DisplayPlate,
        Reason = entry.Reason,
        ReportedAt = entry.ReportedAt,
        ReportedBy = entry.ReportedBy,
        WardCode = entry.WardCode,
        AddedAt = entry.AddedAt,
    };
}
