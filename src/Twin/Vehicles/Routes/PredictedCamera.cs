namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>A camera the vehicle is expected to pass next, how far away it is and when it should get there.</summary>
/// <param name="CameraId">The camera's id.</param>
/// <param name="CameraName">The camera's name.</param>
/// <param name="DistanceMeters">From the last camera that read the plate.</param>
/// <param name="EtaSeconds">Distance over the recent speed (or a default urban speed when it is unknown).</param>
/// <param name="ExpectedAt">The last sighting's time plus the ETA.</param>
/// <param name="AlongRoads">True when the distance follows the road graph; false when it is a straight line.</param>
[GenerateSerializer, Immutable, Alias("CityTwin.PredictedCamera")]
public sealed record PredictedCamera(
    [property: Id(0)] string CameraId,
    [property: Id(1)] string CameraName,
    [property: Id(2)] double DistanceMeters,
    [property: Id(3)] double EtaSeconds,
    [property: Id(4)] DateTimeOffset ExpectedAt,
    [property: Id(5)] bool AlongRoads);
