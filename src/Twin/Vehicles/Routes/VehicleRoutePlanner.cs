using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Sightings;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>
/// Computes a <see cref="VehicleRoute"/> from sightings, the road graph (null where no roads are loaded) and the
/// cameras. Pure: no I/O, so it is tested on hand-made graphs. All lengths are in UTM 48N metres
/// (<see cref="MetricProjection"/>).
/// </summary>
public static class VehicleRoutePlanner
{
    /// <summary>Sightings closer than this are the same place: no heading, no speed between them.</summary>
    private const double SamePlaceM = 5;

    public static VehicleRoute Plan(IReadOnlyList<SightingInput> sightings, RoadGraph? roads, IReadOnlyList<RouteCamera> cameras, RoutePlanOptions? options = null)
    {
        options ??= new RoutePlanOptions();
        var ordered = sightings.OrderBy(s => s.SeenAt).ToList();
        var points = ordered.Select(s => new TracePoint(s.CameraId, s.SeenAt, s.Location)).ToList();
        if (ordered.Count == 0) return new VehicleRoute(points, [], false, null, null, []);
        var metric = ordered.Select(s => Metric(s.Location)).ToList();

        var line = new List<Coordinate> { metric[0] };
        var allMatched = roads is not null && ordered.Count > 1;
        (double Length, TimeSpan Elapsed, Coordinate From, Coordinate To)? lastMove = null;
        for (var i = 1; i < ordered.Count; i++)
        {
            if (metric[i].Distance(metric[i - 1]) < SamePlaceM) continue;
            var path = RoadPath(roads, metric[i - 1], metric[i], options);
            allMatched &= path is not null;
            var leg = path ?? [metric[i - 1], metric[i]];
            line.AddRange(leg.Skip(1));
            lastMove = (Length(leg), ordered[i].SeenAt - ordered[i - 1].SeenAt, metric[i - 1], metric[i]);
        }

        double? speed = lastMove is { Elapsed.TotalSeconds: > 0 } move ? move.Length / 1000 / move.Elapsed.TotalHours : null;
        double? heading = lastMove is { } last ? Bearing(last.From, last.To) : null;
        var predictions = Predict(ordered[^1], metric[^1], heading, speed, roads, cameras, options);
        return new VehicleRoute(points, line.Select(Wgs84).ToList(), allMatched && lastMove is not null,
            speed is { } s ? Math.Round(s, 1) : null, heading is { } h ? Math.Round(h, 1) : null, predictions);
    }

    /// <summary>Degrees clockwise from north, 0..360, from one metric point to another.</summary>
    public static double Bearing(Coordinate from, Coordinate to) =>
        (Math.Atan2(to.X - from.X, to.Y - from.Y) * 180 / Math.PI + 360) % 360;

    private static List<PredictedCamera> Predict(SightingInput last, Coordinate at, double? heading, double? speed,
        RoadGraph? roads, IReadOnlyList<RouteCamera> cameras, RoutePlanOptions options)
    {
        var etaSpeed = speed is { } s && s >= options.MinPlausibleKmh && s <= options.MaxPlausibleKmh ? s : options.DefaultSpeedKmh;
        var candidates = cameras
            .Where(c => c.Id != last.CameraId)
            .Select(c => (Camera: c, Position: Metric(c.Location)))
            .Where(c => c.Position.Distance(at) >= SamePlaceM)
            .ToList();

        var start = roads?.Snap(at, options.SnapDistanceM);
        List<(RouteCamera Camera, double Distance, bool AlongRoads)> ahead;
        if (roads is not null && start is not null)
        {
            var search = roads.Search(start, options.PredictionRoadRangeM);
            ahead = candidates
                .Where(c => heading is not { } h || AngleBetween(h, Bearing(at, c.Position)) <= options.RoadAheadAngleDeg)
                .Select(c => (c.Camera, Snap: roads.Snap(c.Position, options.SnapDistanceM)))
                .Where(c => c.Snap is not null)
                .Select(c => (c.Camera, Distance: search.DistanceTo(c.Snap!), AlongRoads: true))
                .Where(c => c.Distance <= options.PredictionRoadRangeM)
                .ToList();
        }
        else
        {
            ahead = candidates
                .Where(c => heading is not { } h || AngleBetween(h, Bearing(at, c.Position)) <= options.ConeHalfAngleDeg)
                .Select(c => (c.Camera, Distance: c.Position.Distance(at), AlongRoads: false))
                .Where(c => c.Distance <= options.PredictionStraightRangeM)
                .ToList();
        }
        return ahead
            .OrderBy(c => c.Distance)
            .Take(options.MaxPredictions)
            .Select(c =>
            {
                var eta = c.Distance / (etaSpeed / 3.6);
                return new PredictedCamera(c.Camera.Id, c.Camera.Name, Math.Round(c.Distance, 1), Math.Round(eta, 1), last.SeenAt.AddSeconds(eta), c.AlongRoads);
            })
            .ToList();
    }

    /// <summary>The road path between two points, or null when either is off the roads or no path joins them nearby.</summary>
    private static List<Coordinate>? RoadPath(RoadGraph? roads, Coordinate from, Coordinate to, RoutePlanOptions options)
    {
        if (roads?.Snap(from, options.SnapDistanceM) is not { } a || roads.Snap(to, options.SnapDistanceM) is not { } b) return null;
        // A detour of more than three times the straight distance is a wrong match, not a route.
        var straight = from.Distance(to);
        return roads.Search(a, straight * 3 + 500).PathTo(b);
    }

    private static double AngleBetween(double a, double b)
    {
        var difference = Math.Abs(a - b) % 360;
        return difference > 180 ? 360 - difference : difference;
    }

    private static double Length(List<Coordinate> path)
    {
        var length = 0d;
        for (var i = 1; i < path.Count; i++) length += path[i].Distance(path[i - 1]);
        return length;
    }

    private static Coordinate Metric(GeoPoint point) => MetricProjection.ToMetric(point.ToPoint()).Coordinate;

    private static GeoPoint Wgs84(Coordinate metric)
    {
        var point = (Point)MetricProjection.ToWgs84(new Point(metric) { SRID = MetricProjection.Utm48NSrid });
        return new GeoPoint(Math.Round(point.X, 7), Math.Round(point.Y, 7));
    }
}
