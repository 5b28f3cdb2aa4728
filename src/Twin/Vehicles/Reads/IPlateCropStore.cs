namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>Accepted plate crops, content-addressed: storing the same JPEG twice keeps one copy.</summary>
public interface IPlateCropStore
{
    /// <summary>Stores the crops (already validated) and completes once they are committed.</summary>
    Task StoreAsync(IReadOnlyList<PlateCrop> crops, CancellationToken cancellationToken = default);

    /// <summary>The crop with this id, or null.</summary>
    Task<PlateCrop?> FindAsync(string id, CancellationToken cancellationToken = default);
}
