using CityTwin.Vision.Frames;

namespace CityTwin.Vision.Plates.Hosting;

/// <summary>
/// The cameras the host's vision workers read, bound from <see cref="Section"/>, and how a failed camera is retried.
/// No cameras configured means no worker runs.
/// </summary>
public sealed class VisionCamerasOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "CityTwin:Vision";

    /// <summary>One entry per camera: <c>CityTwin:Vision:Cameras:0:CameraId</c>, <c>…:0:Source</c>.</summary>
    public List<VisionCamera> Cameras { get; set; } = [];

    /// <summary>Wait before restarting a camera whose source failed or gave no frames; doubles per failure.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = ReconnectPolicy.Default.InitialDelay;

    /// <summary>The longest wait between restarts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = ReconnectPolicy.Default.MaxDelay;

    /// <summary>Frame width network streams are scaled to (ffmpeg decodes to this size).</summary>
    public int StreamWidth { get; set; } = 1280;

    /// <summary>Frame height network streams are scaled to.</summary>
    public int StreamHeight { get; set; } = 720;

    /// <summary>The back-off of camera restarts (retries for ever: a camera may come back at any time).</summary>
    public ReconnectPolicy RetryPolicy => new(RetryInitialDelay, RetryMaxDelay, null);
}
