namespace CityTwin.Twin.Incidents;

/// <summary>The lifecycle of an incident, in the order it must be walked.</summary>
public enum IncidentStatus
{
    Detected = 0,
    Confirmed = 1,
    Dispatched = 2,
    OnScene = 3,
    Resolved = 4,
}
