using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>
/// Where a vehicle went and where it is likely going: its sightings in time order, the trace line (along the roads
/// where a road path joins two sightings, straight otherwise), its recent speed and heading, and the cameras it should
/// reach next.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.VehicleRoute")]
public sealed record VehicleRoute(
    [property: Id(0)] IReadOnlyList<TracePoint> Points,
    [property: Id(1)] IReadOnlyList<GeoPoint> Line,
    [property: Id(2)] bool MatchedToRoads,
    [property: Id(3)] double? SpeedKmh,
    [property: Id(4)] double? HeadingDegrees,
    [property: Id(5)] IReadOnlyList<PredictedCamera> NextCameras);
