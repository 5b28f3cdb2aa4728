using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>The result of one <see cref="RoadGraph.Search"/>: road distances and paths from its start to any snapped point.</summary>
public sealed class RoadSearch
{
    private readonly RoadGraph graph;
    private readonly RoadSnap start;
    private readonly double[] distance;
    private readonly int[] previous;

    internal RoadSearch(RoadGraph graph, RoadSnap start, double[] distance, int[] previous)
    {
        this.graph = graph;
        this.start = start;
        this.distance = distance;
        this.previous = previous;
    }

    /// <summary>Road distance in metres to <paramref name="target"/>; infinity when it was not reached.</summary>
    public double DistanceTo(RoadSnap target) => Best(target).Distance;

    /// <summary>The road path to <paramref name="target"/> (metres), start and target points included; null when not reached.</summary>
    public List<Coordinate>? PathTo(RoadSnap target)
    {
        var (length, via) = Best(target);
        if (double.IsPositiveInfinity(length)) return null;
        if (via < 0) return [start.Point, target.Point];
        var nodes = new List<int>();
        for (var node = via; node >= 0; node = previous[node]) nodes.Add(node);
        nodes.Reverse();
        var path = new List<Coordinate> { start.Point };
        path.AddRange(nodes.Select(graph.NodeCoordinate));
        path.Add(target.Point);
        return path;
    }

    /// <summary>The shorter of reaching the target's edge through either end, or along the start's own edge (via -1).</summary>
    private (double Distance, int Via) Best(RoadSnap target)
    {
        var best = (Distance: double.PositiveInfinity, Via: -1);
        if (SameEdge(target)) best = (Math.Abs(start.FromEnd - (target.From == start.From ? target.FromEnd : target.ToEnd)), -1);
        var throughFrom = distance[target.From] + target.FromEnd;
        var throughTo = distance[target.To] + target.ToEnd;
        if (throughFrom < best.Distance) best = (throughFrom, target.From);
        if (throughTo < best.Distance) best = (throughTo, target.To);
        return best;
    }

    private bool SameEdge(RoadSnap target) =>
        (target.From == start.From && target.To == start.To) || (target.From == start.To && target.To == start.From);
}
