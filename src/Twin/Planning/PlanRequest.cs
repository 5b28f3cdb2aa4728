using CityTwin.Twin.Coverage;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Planning;

/// <summary>What a planner asks: how many new cameras of which kind, where, for which roads, and how long to solve.</summary>
/// <param name="Count">New cameras to place (existing and adopted planned cameras stay where they are).</param>
/// <param name="Kind">Sector or 360° PTZ.</param>
/// <param name="Area">Only roads and sites inside this WGS84 polygon; null for the whole city.</param>
/// <param name="RoadClasses">Roads whose coverage counts; empty for all.</param>
/// <param name="TimeLimit">How long the exact solver may run; it then returns its best plan and the proved gap.</param>
public sealed record PlanRequest(int Count, CameraSiteKind Kind, Geometry? Area, IReadOnlyCollection<RoadClass> RoadClasses, TimeSpan TimeLimit)
{
    /// <summary>Distance between candidate sites along a segment; intersections are always candidates.</summary>
    public double CandidateSpacingM { get; init; } = 50;

    /// <summary>Length of the road elements coverage is counted in.</summary>
    public double ElementLengthM { get; init; } = 25;
}
