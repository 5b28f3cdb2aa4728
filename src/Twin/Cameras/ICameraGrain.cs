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

    /// <summary>Sets where a PTZ camera looks (and, when given, a new mount height); a bad pose is refused whole.</summary>
    [Alias("SetPose")] Task<CameraState> SetPoseAsync(PtzPose pose, double? mountHeightM = null);

    /// <summary>Replaces the camera's exclusion masks (at most 32 polygons of 3..64 image points each).</summary>
    [Alias("SetExclusionMasks")] Task<CameraState> SetExclusionMasksAsync(IReadOnlyList<IReadOnlyList<ImagePoint>> masks);
}
