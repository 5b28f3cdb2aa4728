using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Incidents;

/// <summary>A new incident as a detector or a person reports it.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.IncidentReport")]
public sealed record IncidentReport(
    [property: Id(0)] IncidentKind Kind,
    [property: Id(1)] GeoPoint Location,
    [property: Id(2)] double UncertaintyM,
    [property: Id(3)] DateTimeOffset DetectedAt,
    [property: Id(4)] IReadOnlyList<string> SourceCameraIds,
    [property: Id(5)] string ReportedBy,
    [property: Id(6)] string? WardCode = null,
    [property: Id(7)] string? Description = null,
    [property: Id(8)] IncidentSighting? Sighting = null,
    [property: Id(9)] string? SegmentId = null,
    [property: Id(10)] IReadOnlyList<GeoPoint>? Area = null)
{
    /// <summary>Throws <see cref="TwinValidationException"/> naming the incident and the bad field.</summary>
    public void Validate(string incidentId, TimeProvider clock)
    {
        TwinValidationException.Require(Enum.IsDefined(Kind), $"incident {incidentId}: unknown kind {Kind}");
        TwinValidationException.Require(Location.IsValid, $"incident {incidentId}: location {Location} is not a valid WGS84 position");
        TwinValidationException.Require(double.IsFinite(UncertaintyM) && UncertaintyM is >= 0 and <= 10_000,
            $"incident {incidentId}: uncertainty {UncertaintyM} m is outside 0..10000");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(ReportedBy), $"incident {incidentId}: reported-by is required");
        TwinValidationException.Require(SourceCameraIds.Count <= 64, $"incident {incidentId}: at most 64 source cameras");
        TwinValidationException.Require(Description is null || Description.Length <= 2000, $"incident {incidentId}: description is longer than 2000 characters");
        clock.EnsureNotFuture(DetectedAt, $"incident {incidentId}");
    }
}
