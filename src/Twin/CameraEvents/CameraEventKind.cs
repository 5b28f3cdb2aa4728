using CityTwin.Twin.Incidents;

namespace CityTwin.Twin.CameraEvents;

/// <summary>What a camera that detects on board reports.</summary>
public enum CameraEventKind
{
    Smoke = 0,
    Fire = 1,
    Dumping = 2,
    Jam = 3,
    Accident = 4,
}

/// <summary>The incident kind each camera event opens.</summary>
public static class CameraEventKinds
{
    public static IncidentKind ToIncidentKind(this CameraEventKind kind) => kind switch
    {
        CameraEventKind.Smoke => IncidentKind.Smoke,
        CameraEventKind.Fire => IncidentKind.Fire,
        CameraEventKind.Dumping => IncidentKind.IllegalDumping,
        CameraEventKind.Jam => IncidentKind.TrafficJam,
        CameraEventKind.Accident => IncidentKind.Accident,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown camera event kind"),
    };
}
