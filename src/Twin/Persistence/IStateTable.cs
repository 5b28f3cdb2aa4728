namespace CityTwin.Twin.Persistence;

/// <summary>
/// Maps one grain state type onto its relational PostGIS table, so the state stays queryable across entities
/// (spatial filters, aggregates) instead of being an opaque blob.
/// </summary>
public interface IStateTable<TState>
{
    /// <summary>Reads the state stored under <paramref name="key"/>, or null when there is none.</summary>
    Task<StoredState<TState>?> ReadAsync(TwinDbContext db, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if the stored version still equals <paramref name="expectedVersion"/>
    /// (null: the row must not exist yet) and returns the new version.
    /// </summary>
    Task<int> WriteAsync(TwinDbContext db, string key, TState state, int? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the row when its version still equals <paramref name="expectedVersion"/>.</summary>
    Task DeleteAsync(TwinDbContext db, string key, int? expectedVersion, CancellationToken cancellationToken);
}

/// <summary>A state read from its table, with the version it was read at.</summary>
public sealed record StoredState<TState>(TState State, int Version);
