namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>The durable, append-only log of sightings.</summary>
public interface ISightingLog
{
    /// <summary>
    /// Stores the sightings of one vehicle and returns the detection ids that were new; ids already stored are
    /// skipped. Completes only once the rows are committed.
    /// </summary>
    Task<IReadOnlySet<string>> AppendAsync(string plateKey, IReadOnlyList<SightingInput> sightings, CancellationToken cancellationToken = default);

    /// <summary>The most recent sightings of a vehicle, oldest first.</summary>
    Task<IReadOnlyList<SightingInput>> ReadRecentAsync(string plateKey, int limit, CancellationToken cancellationToken = default);
}
