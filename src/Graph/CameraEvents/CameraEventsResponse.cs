using CityTwin.Twin.CameraEvents;

namespace CityTwin.Graph.CameraEvents;

/// <summary>The webhook's answer: counts and incidents when applied, one error per bad event when refused.</summary>
public sealed record CameraEventsResponse(int Recorded, int Duplicates, IReadOnlyList<Guid> IncidentIds, IReadOnlyList<CameraEventError> Errors)
{
    public static CameraEventsResponse Refused(string code, string message) => new(0, 0, [], [new CameraEventError(-1, code, message)]);
}
