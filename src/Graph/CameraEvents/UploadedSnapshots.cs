namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// The snapshot parts of a multipart webhook request by part name, and the names of those over the size limit (read
/// and dropped), so that the event naming one is refused with <c>SNAPSHOT_TOO_LARGE</c> rather than "no such part".
/// </summary>
public sealed record UploadedSnapshots(IReadOnlyDictionary<string, byte[]> Parts, IReadOnlySet<string> Oversized);
