using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>A camera as route prediction needs it: id, name and position.</summary>
public sealed record RouteCamera(string Id, string Name, GeoPoint Location);
