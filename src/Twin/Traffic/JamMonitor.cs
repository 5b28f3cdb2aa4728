using CityTwin.Twin.Coverage;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Traffic;

/// <summary>
/// Turns recorded sightings into legs (a vehicle's consecutive sightings at two different cameras: straight-line
/// distance over time) and feeds <see cref="JamDetector"/> with the segment's road class (looked up once per segment,
/// so each class has its own threshold); a jam opens a <see cref="IncidentKind.TrafficJam"/>
/// incident on the segment (the line between the cameras, buffered), and its end resolves it. No camera needs to say so.
/// </summary>
public sealed partial class JamMonitor(
    IGrainFactory grains, ISegmentRoadClasses roads, IOptions<JamOptions> options, ILogger<JamMonitor> logger)
{
    /// <summary>Vehicles remembered for their last sighting; the oldest are forgotten first.</summary>
    private const int MaxVehicles = 50_000;

    /// <summary>Half width of a jam's polygon around the segment, metres.</summary>
    private const double SegmentHalfWidthM = 40;

    public const string Actor = "jam monitor";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly JamDetector detector = new(options.Value);
    private readonly Dictionary<string, RoadClass> segmentClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string CameraId, DateTimeOffset At, GeoPoint Location)> lastSeen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Dictionary<string, Guid> openJams = new(StringComparer.Ordinal);

    /// <summary>Takes one vehicle's newly recorded sightings.</summary>
    public async Task OnSightingsAsync(SightingsRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var decisions = new List<(JamDecision Decision, GeoPoint From, GeoPoint To)>();
        await gate.WaitAsync();
        try
        {
            foreach (var sighting in recorded.Sightings.OrderBy(s => s.SeenAt))
            {
                if (lastSeen.TryGetValue(recorded.EntityId, out var previous) && previous.CameraId != sighting.CameraId
                    && sighting.SeenAt > previous.At && sighting.SeenAt - previous.At <= options.Value.MaxLegDuration)
                {
                    var metres = MetricProjection.DistanceMetres(previous.Location, sighting.Location);
                    var speed = metres / (sighting.SeenAt - previous.At).TotalHours / 1000;
                    var leg = new SegmentLeg(previous.CameraId, sighting.CameraId, sighting.SeenAt, speed);
                    var roadClass = await RoadClassOfAsync(leg.SegmentId, previous.Location, sighting.Location);
                    if (detector.Observe(leg, roadClass) is { } decision)
                        decisions.Add((decision, previous.Location, sighting.Location));
                }
                if (!lastSeen.ContainsKey(recorded.EntityId)) order.Enqueue(recorded.EntityId);
                if (!lastSeen.TryGetValue(recorded.EntityId, out var kept) || sighting.SeenAt >= kept.At)
                    lastSeen[recorded.EntityId] = (sighting.CameraId, sighting.SeenAt, sighting.Location);
            }
            while (lastSeen.Count > MaxVehicles && order.TryDequeue(out var oldest)) lastSeen.Remove(oldest);
            foreach (var (decision, from, to) in decisions) await ApplyAsync(decision, from, to);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The segment's road class, looked up once; a failed look-up counts as a local street and is tried again later.</summary>
    private async Task<RoadClass> RoadClassOfAsync(string segmentId, GeoPoint from, GeoPoint to)
    {
        if (segmentClasses.TryGetValue(segmentId, out var known)) return known;
        try
        {
            var found = await roads.ClassOfAsync(from, to) ?? RoadClass.Local;
            segmentClasses[segmentId] = found;
            return found;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            LogRoadClassFailed(logger, e, segmentId);
            return RoadClass.Local;
        }
    }

    private async Task ApplyAsync(JamDecision decision, GeoPoint from, GeoPoint to)
    {
        if (decision.Jammed)
        {
            if (openJams.ContainsKey(decision.SegmentId)) return;
            var id = Guid.NewGuid();
            var line = MetricProjection.Metric.CreateLineString([MetricProjection.ToMetric(from), MetricProjection.ToMetric(to)]);
            var area = (Polygon)MetricProjection.ToWgs84(line.Buffer(SegmentHalfWidthM, 4));
            var middle = MetricProjection.FromMetric(line.Centroid.Coordinate);
            await grains.GetGrain<IIncidentGrain>(id.ToString()).OpenAsync(new IncidentReport(
                IncidentKind.TrafficJam, middle, MetricProjection.DistanceMetres(from, to) / 2 + SegmentHalfWidthM, decision.SlowSince,
                [decision.FromCameraId, decision.ToCameraId], Actor,
                Description: FormattableString.Invariant(
                    $"median speed {decision.MedianKmh:F1} km/h from {decision.FromCameraId} to {decision.ToCameraId} ({decision.RoadClass.ToString().ToLowerInvariant()}, jam below {decision.ThresholdKmh:F0} km/h)"),
                SegmentId: decision.SegmentId,
                Area: area.ExteriorRing.Coordinates.Select(c => new GeoPoint(c.X, c.Y)).ToList()));
            openJams[decision.SegmentId] = id;
            LogJam(logger, decision.SegmentId, decision.MedianKmh, id);
            return;
        }
        if (!openJams.Remove(decision.SegmentId, out var open)) return;
        await grains.GetGrain<IIncidentGrain>(open.ToString()).ResolveAsync(Actor, decision.At,
            FormattableString.Invariant($"traffic recovered: median {decision.MedianKmh:F1} km/h"));
        LogCleared(logger, decision.SegmentId, decision.MedianKmh, open);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The road class of {Segment} could not be looked up; it is judged as a local street for now")]
    private static partial void LogRoadClassFailed(ILogger logger, Exception exception, string segment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Jam on {Segment}: median {MedianKmh:F1} km/h, incident {IncidentId}")]
    private static partial void LogJam(ILogger logger, string segment, double medianKmh, Guid incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Jam on {Segment} cleared: median {MedianKmh:F1} km/h, incident {IncidentId} resolved")]
    private static partial void LogCleared(ILogger logger, string segment, double medianKmh, Guid incidentId);
}
