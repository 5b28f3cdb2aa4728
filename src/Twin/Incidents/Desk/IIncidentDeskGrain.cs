namespace CityTwin.Twin.Incidents.Desk;

/// <summary>
/// Decides, one event at a time per incident kind, whether a camera sighting belongs to an open incident (same kind,
/// seen lately, overlapping or near) or opens a new one. Key: the <see cref="IncidentKind"/> name, so sightings of one
/// kind never race each other into two incidents.
/// </summary>
[Alias("CityTwin.IIncidentDeskGrain")]
public interface IIncidentDeskGrain : IGrainWithStringKey
{
    /// <summary>Merges the sighting into an open incident or opens one; returns the incident's id and whether it is new.</summary>
    [Alias("Route")] Task<IncidentRouting> RouteAsync(IncidentSighting sighting, string reportedBy);
}
