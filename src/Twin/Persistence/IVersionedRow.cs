namespace CityTwin.Twin.Persistence;

/// <summary>
/// A table row that holds a grain's state. <see cref="Version"/> is the optimistic-concurrency token that
/// Orleans sees as the ETag: a write based on an old version fails instead of overwriting newer data.
/// </summary>
public interface IVersionedRow
{
    /// <summary>Incremented on every write of the grain state.</summary>
    int Version { get; set; }

    /// <summary>When the row was last written.</summary>
    DateTimeOffset UpdatedAt { get; set; }
}
