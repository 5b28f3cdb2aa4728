using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>One sighting on a vehicle's trace: which camera, when, where.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TracePoint")]
public sealed record TracePoint([property: Id(0)] string CameraId, [property: Id(1)] DateTimeOffset SeenAt, [property: Id(2)] GeoPoint Location);
