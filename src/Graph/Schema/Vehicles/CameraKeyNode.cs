namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>A camera key just issued: shown once, stored only as a hash.</summary>
public sealed record CameraKeyNode(string CameraId, string Key);
