using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The <c>planned_cameras</c> table: sites of an adopted plan, cameras with status <c>planned</c>. They are not grains
/// (nothing runs there yet); the map draws them and coverage counts them when asked to.
/// </summary>
public sealed class PlannedCameraRow
{
    public required string Id { get; set; }
    public required string PlanId { get; set; }
    public string? WardCode { get; set; }
    public required string Kind { get; set; }
    public required Point Location { get; set; }
    public double HeadingDeg { get; set; }
    public double FieldOfViewDeg { get; set; }
    public double RangeM { get; set; }
    public double GainM { get; set; }
    public required Polygon ViewArea { get; set; }
    public DateTimeOffset AdoptedAt { get; set; }
}
