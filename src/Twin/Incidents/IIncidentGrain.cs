namespace CityTwin.Twin.Incidents;

/// <summary>
/// An incident (fire, smoke, dumping, jam, accident) walked through detected → confirmed → dispatched →
/// on scene → resolved. Key: the incident id (a GUID string). Resolving is allowed from any open status (a false alarm).
/// </summary>
[Alias("CityTwin.IIncidentGrain")]
public interface IIncidentGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<IncidentState?> GetAsync();

    /// <summary>Opens the incident; opening it again with the same id returns the stored one unchanged.</summary>
    [Alias("Open")] Task<IncidentState> OpenAsync(IncidentReport report);

    /// <summary>
    /// Merges another camera sighting: the camera's latest sighting replaces its earlier one and the location is
    /// triangulated again from every camera's latest. A replay of the same event changes nothing.
    /// </summary>
    [Alias("Observe")] Task<IncidentState> ObserveAsync(IncidentSighting sighting);

    /// <summary>As <see cref="ObserveAsync"/>, but null instead of an error when the incident is resolved or unknown.</summary>
    [Alias("ObserveIfOpen")] Task<IncidentState?> ObserveIfOpenAsync(IncidentSighting sighting);

    /// <summary>Notes that the incident is still there (a jam still slow) without a new sighting.</summary>
    [Alias("SeenAgain")] Task<IncidentState> SeenAgainAsync(DateTimeOffset at);

    [Alias("Confirm")] Task<IncidentState> ConfirmAsync(string actor, DateTimeOffset at, string? note = null);
    [Alias("Dispatch")] Task<IncidentState> DispatchAsync(string actor, DateTimeOffset at, string? note = null);
    [Alias("ArriveOnScene")] Task<IncidentState> ArriveOnSceneAsync(string actor, DateTimeOffset at, string? note = null);
    [Alias("Resolve")] Task<IncidentState> ResolveAsync(string actor, DateTimeOffset at, string? note = null);
}
