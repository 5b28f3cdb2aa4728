namespace CityTwin.Twin.Cameras;

/// <summary>A camera of the city: its placement, its view area and whether it is delivering frames. Key: camera id.</summary>
[Alias("CityTwin.ICameraGrain")]
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>The camera, or null when no camera is registered under this id.</summary>
    [Alias("Get")] Task<CameraState?> GetAsync();

    /// <summary>Creates the camera or updates its placement; the same definition twice changes nothing.</summary>
    [Alias("Register")] Task RegisterAsync(CameraDefinition definition);

    /// <summary>Marks the camera online or offline as of <paramref name="at"/>.</summary>
    [Alias("SetStatus")] Task SetStatusAsync(bool online, DateTimeOffset at);

    /// <summary>Notes that a frame arrived; a camera that delivers frames is online, unless an operator set it offline.</summary>
    [Alias("ReportFrame")] Task ReportFrameAsync(DateTimeOffset at);
}
