using CityTwin.Twin.Vehicles.Sightings;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>One plate read, from the <c>sightings</c> table or from the vehicle grain's recent memory.</summary>
public sealed record SightingNode(string DetectionId, string CameraId, DateTimeOffset SeenAt, Point Location, float Confidence, string? PlateText)
{
    public static SightingNode From(SightingRow row) =>
        new(row.DetectionId, row.CameraId, row.SeenAt, row.Location, row.Confidence, row.PlateText);

    public static SightingNode From(SightingInput input) =>
        new(input.DetectionId, input.CameraId, input.SeenAt, input.Location.ToPoint(), input.Confidence, input.PlateText);
}
