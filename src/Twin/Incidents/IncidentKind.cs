namespace CityTwin.Twin.Incidents;

/// <summary>What the cameras or people reported.</summary>
public enum IncidentKind
{
    Fire = 0,
    Smoke = 1,
    IllegalDumping = 2,
    TrafficJam = 3,
    Accident = 4,
}
