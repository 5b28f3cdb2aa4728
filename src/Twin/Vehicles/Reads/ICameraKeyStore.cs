namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// Per-camera API keys: an AI camera that reads plates itself authenticates with its own key, which may submit reads
/// for that camera only. Keys are stored as SHA-256 hashes; the key itself is shown once, when it is issued.
/// </summary>
public interface ICameraKeyStore
{
    /// <summary>Issues a new key for a registered camera, replacing any earlier one, and returns it (the only time it is seen).</summary>
    Task<string> IssueAsync(string cameraId, CancellationToken cancellationToken = default);

    /// <summary>The camera a key belongs to, or null when the key is not a camera key or is unknown.</summary>
    string? FindCamera(string key);
}
