using Microsoft.EntityFrameworkCore;
using Orleans.Storage;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// The usual <see cref="IStateTable{TState}"/>: one EF Core row per grain, found by primary key,
/// with the row's version as concurrency token. Subclasses say how state and row map onto each other.
/// </summary>
public abstract class EntityStateTable<TState, TRow> : IStateTable<TState>
    where TRow : class, IVersionedRow
{
    /// <summary>The primary-key value of the row for a grain key.</summary>
    protected virtual object KeyValue(string key) => key;

    /// <summary>A new, empty row for <paramref name="key"/>.</summary>
    protected abstract TRow CreateRow(string key);

    /// <summary>The grain state held by a row.</summary>
    protected abstract TState ToState(TRow row);

    /// <summary>Copies the grain state onto a row; columns the grain does not own stay untouched.</summary>
    protected abstract void Apply(TState state, TRow row);

    /// <inheritdoc />
    public async Task<StoredState<TState>?> ReadAsync(TwinDbContext db, string key, CancellationToken cancellationToken)
    {
        var row = await db.Set<TRow>().FindAsync([KeyValue(key)], cancellationToken);
        return row is null ? null : new StoredState<TState>(ToState(row), row.Version);
    }

    /// <inheritdoc />
    public async Task<int> WriteAsync(TwinDbContext db, string key, TState state, int? expectedVersion, CancellationToken cancellationToken)
    {
        var row = await db.Set<TRow>().FindAsync([KeyValue(key)], cancellationToken);
        if (row is null)
        {
            if (expectedVersion is not null)
                throw new InconsistentStateException($"{typeof(TRow).Name} '{key}' was deleted by someone else", expectedVersion.ToString(), (string?)null);
            row = CreateRow(key);
            db.Add(row);
        }
        else if (row.Version != expectedVersion)
        {
            throw new InconsistentStateException($"{typeof(TRow).Name} '{key}' was changed by someone else", expectedVersion?.ToString(), row.Version.ToString());
        }

        Apply(state, row);
        row.Version = (expectedVersion ?? 0) + 1;
        row.UpdatedAt = DateTimeOffset.UtcNow;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new InconsistentStateException($"{typeof(TRow).Name} '{key}' was changed concurrently: {e.Message}", expectedVersion?.ToString(), (string?)null);
        }
        return row.Version;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(TwinDbContext db, string key, int? expectedVersion, CancellationToken cancellationToken)
    {
        var row = await db.Set<TRow>().FindAsync([KeyValue(key)], cancellationToken);
        if (row is null) return;
        if (row.Version != expectedVersion)
            throw new InconsistentStateException($"{typeof(TRow).Name} '{key}' was changed by someone else", expectedVersion?.ToString(), row.Version.ToString());
        db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }
}
