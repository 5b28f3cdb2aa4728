namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>Tuning of <see cref="VehicleRoutePlanner"/>; the defaults suit urban traffic in Thu Duc.</summary>
public sealed record RoutePlanOptions
{
    /// <summary>A camera or sighting further than this from every road is not placed on the road graph.</summary>
    public double SnapDistanceM { get; init; } = 80;

    /// <summary>How far along the roads the next cameras are looked for.</summary>
    public double PredictionRoadRangeM { get; init; } = 5_000;

    /// <summary>Without roads: how far in a straight line the next cameras are looked for.</summary>
    public double PredictionStraightRangeM { get; init; } = 3_000;

    /// <summary>Along roads: a camera more than this off the heading (seen from the last camera) is behind the vehicle.</summary>
    public double RoadAheadAngleDeg { get; init; } = 90;

    /// <summary>Without roads: the half-angle of the cone ahead of the heading.</summary>
    public double ConeHalfAngleDeg { get; init; } = 45;

    /// <summary>How many next cameras are predicted.</summary>
    public int MaxPredictions { get; init; } = 3;

    /// <summary>The speed used for ETAs when the recent speed is unknown or implausible (urban mixed traffic).</summary>
    public double DefaultSpeedKmh { get; init; } = 30;

    /// <summary>Recent speeds outside this range are treated as unknown (a misread, or a vehicle parked between reads).</summary>
    public double MinPlausibleKmh { get; init; } = 3;

    /// <summary>Upper bound of a plausible speed.</summary>
    public double MaxPlausibleKmh { get; init; } = 150;
}
