using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>
/// The road network as an undirected graph in UTM 48N metres: every vertex of an imported road line is a node, and
/// vertices that meet within half a metre are one node, so roads that share an end are joined. Points snap to the
/// nearest edge, not the nearest vertex, because long straight roads carry few vertices.
/// </summary>
public sealed class RoadGraph
{
    private readonly List<Coordinate> nodes = [];
    private readonly List<List<(int To, double Length)>> adjacency = [];
    private readonly Dictionary<(long, long), int> nodeByCell = [];
    private readonly STRtree<(int A, int B)> edges = new();

    private RoadGraph() { }

    /// <summary>Nodes in the graph.</summary>
    public int NodeCount => nodes.Count;

    /// <summary>Edges in the graph.</summary>
    public int EdgeCount { get; private set; }

    /// <summary>Builds the graph from road lines already projected to metres.</summary>
    public static RoadGraph Build(IEnumerable<LineString> metricLines)
    {
        var graph = new RoadGraph();
        foreach (var line in metricLines)
        {
            var previous = -1;
            foreach (var coordinate in line.Coordinates)
            {
                var node = graph.NodeAt(coordinate);
                if (previous >= 0 && previous != node) graph.AddEdge(previous, node);
                previous = node;
            }
        }
        graph.edges.Build();
        return graph;
    }

    /// <summary>The nearest point on a road within <paramref name="maxDistance"/> metres, or null.</summary>
    public RoadSnap? Snap(Coordinate point, double maxDistance)
    {
        if (EdgeCount == 0) return null;
        var box = new Envelope(point.X - maxDistance, point.X + maxDistance, point.Y - maxDistance, point.Y + maxDistance);
        RoadSnap? best = null;
        var bestDistance = double.MaxValue;
        foreach (var (a, b) in edges.Query(box))
        {
            var segment = new LineSegment(nodes[a], nodes[b]);
            var closest = segment.ClosestPoint(point);
            var distance = closest.Distance(point);
            if (distance > maxDistance || distance >= bestDistance) continue;
            bestDistance = distance;
            var fromEnd = closest.Distance(nodes[a]);
            best = new RoadSnap(a, b, closest, fromEnd, segment.Length - fromEnd, distance);
        }
        return best;
    }

    /// <summary>Shortest road distances from <paramref name="start"/>, explored up to <paramref name="maxDistance"/> metres.</summary>
    public RoadSearch Search(RoadSnap start, double maxDistance)
    {
        var distance = new double[nodes.Count];
        var previous = new int[nodes.Count];
        Array.Fill(distance, double.PositiveInfinity);
        Array.Fill(previous, -1);
        var queue = new PriorityQueue<int, double>();
        distance[start.From] = start.FromEnd;
        distance[start.To] = Math.Min(distance[start.To], start.ToEnd);
        queue.Enqueue(start.From, distance[start.From]);
        queue.Enqueue(start.To, distance[start.To]);
        while (queue.TryDequeue(out var node, out var reached))
        {
            if (reached > distance[node] || reached > maxDistance) continue;
            foreach (var (next, length) in adjacency[node])
            {
                var through = reached + length;
                if (through >= distance[next]) continue;
                distance[next] = through;
                previous[next] = node;
                queue.Enqueue(next, through);
            }
        }
        return new RoadSearch(this, start, distance, previous);
    }

    internal Coordinate NodeCoordinate(int node) => nodes[node];

    private int NodeAt(Coordinate coordinate)
    {
        var cell = ((long)Math.Round(coordinate.X * 2), (long)Math.Round(coordinate.Y * 2));
        if (nodeByCell.TryGetValue(cell, out var node)) return node;
        node = nodes.Count;
        nodes.Add(new Coordinate(coordinate.X, coordinate.Y));
        adjacency.Add([]);
        nodeByCell[cell] = node;
        return node;
    }

    private void AddEdge(int a, int b)
    {
        var length = nodes[a].Distance(nodes[b]);
        adjacency[a].Add((b, length));
        adjacency[b].Add((a, length));
        edges.Insert(new Envelope(nodes[a], nodes[b]), (a, b));
        EdgeCount++;
    }
}
