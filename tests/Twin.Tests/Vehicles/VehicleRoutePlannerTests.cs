using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Routes;
using CityTwin.Twin.Vehicles.Sightings;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Vehicles;

/// <summary>
/// Route planning on a hand-made network: an L-shaped road that runs east along latitude 10.800 from 106.700 to
/// 106.740, then turns north to 10.820. Cameras stand on it, behind it and away from it.
/// </summary>
public sealed class VehicleRoutePlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint West = new(106.700, 10.800);
    private static readonly GeoPoint A = new(106.710, 10.800);
    private static readonly GeoPoint B = new(106.720, 10.800);
    private static readonly GeoPoint Corner = new(106.740, 10.800);
    private static readonly GeoPoint D = new(106.740, 10.810);
    private static readonly GeoPoint North = new(106.740, 10.820);

    private static readonly RouteCamera[] Cameras =
    [
        new("cam-behind", "Behind", new GeoPoint(106.705, 10.8003)),
        new("cam-a", "A", A),
        new("cam-b", "B", B),
        new("cam-d", "D on the north leg", new GeoPoint(106.7403, 10.810)),
        // 700 m north of B with no road near it: close in a straight line, unreachable by road.
        new("cam-off", "Off the road", new GeoPoint(106.720, 10.8063)),
        // 700 m from A, about 70° left of an eastward heading.
        new("cam-north", "North of A", new GeoPoint(106.712, 10.806)),
    ];

    private static RoadGraph LRoad()
    {
        var line = GeoFactory.Wgs84.CreateLineString([Coord(West), Coord(A), Coord(Corner), Coord(D), Coord(North)]);
        return RoadGraph.Build([(LineString)MetricProjection.ToMetric(line)]);
    }

    private static Coordinate Coord(GeoPoint p) => new(p.Longitude, p.Latitude);

    private static SightingInput Seen(string camera, GeoPoint at, double seconds) =>
        new($"{camera}:{seconds}", camera, T0.AddSeconds(seconds), at, 0.9f);

    [Fact]
    public void Plan_TwoPlaces_SpeedAndHeadingComeFromTheLastMove()
    {
        var route = VehicleRoutePlanner.Plan([Seen("cam-a", A, 0), Seen("cam-b", B, 60)], roads: null, Cameras);

        var metres = MetricProjection.DistanceMetres(A, B);
        Assert.Equal(metres / 60 * 3.6, route.SpeedKmh!.Value, precision: 0);
        Assert.InRange(route.HeadingDegrees!.Value, 89, 91);
        Assert.Equal(["cam-a", "cam-b"], route.Points.Select(p => p.CameraId));
    }

    [Fact]
    public void Plan_RoadGraph_PredictsTheCameraAheadAlongTheRoadWithItsEta()
    {
        var route = VehicleRoutePlanner.Plan([Seen("cam-a", A, 0), Seen("cam-b", B, 60)], LRoad(), Cameras);

        var next = route.NextCameras[0];
        Assert.Equal("cam-d", next.CameraId);
        Assert.True(next.AlongRoads);
        // Along the road: B → corner → D, longer than the straight line B → D.
        var alongRoad = MetricProjection.DistanceMetres(B, Corner) + MetricProjection.DistanceMetres(Corner, D);
        Assert.InRange(next.DistanceMeters, alongRoad - 40, alongRoad + 40);
        Assert.Equal(next.DistanceMeters / (route.SpeedKmh!.Value / 3.6), next.EtaSeconds, precision: 0);
        Assert.Equal(T0.AddSeconds(60 + next.EtaSeconds), next.ExpectedAt, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(route.NextCameras, c => c.CameraId is "cam-behind" or "cam-a" or "cam-off" or "cam-north");
    }

    [Fact]
    public void Plan_RoadGraph_TraceFollowsTheRoadRoundTheCorner()
    {
        var route = VehicleRoutePlanner.Plan([Seen("cam-b", B, 0), Seen("cam-d", D, 120)], LRoad(), Cameras);

        Assert.True(route.MatchedToRoads);
        Assert.Contains(route.Line, p => Math.Abs(p.Longitude - Corner.Longitude) < 1e-5 && Math.Abs(p.Latitude - Corner.Latitude) < 1e-5);
        var alongRoad = MetricProjection.DistanceMetres(B, Corner) + MetricProjection.DistanceMetres(Corner, D);
        Assert.Equal(alongRoad / 120 * 3.6, route.SpeedKmh!.Value, precision: 0);
        Assert.InRange(route.HeadingDegrees!.Value, 0, 90);
    }

    [Fact]
    public void Plan_NoRoads_PredictsOnlyCamerasInTheConeAhead()
    {
        var route = VehicleRoutePlanner.Plan([Seen("cam-behind", Cameras[0].Location, 0), Seen("cam-a", A, 30)], roads: null, Cameras);

        // cam-north is nearer than both but 70° off the eastward heading; cam-behind is behind; cam-d is out of range.
        Assert.Equal(["cam-b", "cam-off"], route.NextCameras.Select(c => c.CameraId));
        Assert.All(route.NextCameras, c => Assert.False(c.AlongRoads));
        Assert.False(route.MatchedToRoads);
    }

    [Fact]
    public void Plan_OneSighting_NoSpeedOrHeadingAndEtaAtTheDefaultSpeed()
    {
        var options = new RoutePlanOptions();
        var route = VehicleRoutePlanner.Plan([Seen("cam-b", B, 0)], roads: null, Cameras, options);

        Assert.Null(route.SpeedKmh);
        Assert.Null(route.HeadingDegrees);
        var nearest = route.NextCameras[0];
        Assert.Equal("cam-off", nearest.CameraId);
        Assert.Equal(nearest.DistanceMeters / (options.DefaultSpeedKmh / 3.6), nearest.EtaSeconds, precision: 0);
    }

    [Fact]
    public void RoadGraph_PointFarFromEveryRoad_DoesNotSnap()
    {
        var graph = LRoad();

        Assert.Null(graph.Snap(MetricProjection.ToMetric(new GeoPoint(106.720, 10.8063).ToPoint()).Coordinate, 80));
        Assert.NotNull(graph.Snap(MetricProjection.ToMetric(new GeoPoint(106.720, 10.8003).ToPoint()).Coordinate, 80));
    }
}
