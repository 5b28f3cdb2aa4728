namespace CityTwin.Twin.Wards;

/// <summary>A ward (phường / xã) and its aggregates. Key: the 5-digit GSO code.</summary>
[Alias("CityTwin.IWardGrain")]
public interface IWardGrain : IGrainWithStringKey
{
    /// <summary>The ward, or null when no ward has this code.</summary>
    [Alias("Get")] Task<WardState?> GetAsync();

    /// <summary>Creates the ward or updates its names; idempotent.</summary>
    [Alias("Register")] Task RegisterAsync(WardDefinition definition);

    [Alias("AttachCamera")] Task AttachCameraAsync(string cameraId);
    [Alias("DetachCamera")] Task DetachCameraAsync(string cameraId);
    [Alias("IncidentOpened")] Task IncidentOpenedAsync(string incidentId);
    [Alias("IncidentClosed")] Task IncidentClosedAsync(string incidentId);
}
