namespace CityTwin.Twin.Incidents.Snapshots;

/// <summary>Incident snapshots (JPEG) stored content-addressed on disk; served to operators only.</summary>
public interface IIncidentSnapshotStore
{
    /// <summary>Stores the JPEG (once per content) and returns its id: the lowercase hex SHA-256.</summary>
    Task<string> StoreAsync(byte[] jpeg, CancellationToken cancellationToken = default);

    /// <summary>The JPEG stored under <paramref name="id"/>, or null.</summary>
    Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken = default);
}
