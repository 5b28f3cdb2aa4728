namespace CityTwin.Vision.Plates.Hosting;

/// <summary>One camera whose frames the host reads plates from (an entry of <c>CityTwin:Vision:Cameras</c>).</summary>
public sealed class VisionCamera
{
    /// <summary>The twin camera the reads are recorded for; it must be registered (demo city or import).</summary>
    public string CameraId { get; set; } = "";

    /// <summary>A video file, an image folder, or an rtsp/rtsps/http(s)/rtmp stream URL (see <see cref="Frames.FrameSources.Open"/>).</summary>
    public string Source { get; set; } = "";
}
