using CityTwin.Vision.Plates.Hosting;

namespace CityTwin.Vision.Fire.Hosting;

/// <summary>
/// The cameras whose frames the host's smoke and fire watch reads (<c>CityTwin:Fire:Cameras</c>), and how often a
/// frame of each is looked at. The detector costs about half a second of one core per frame, so a live camera is
/// sampled rather than read whole.
/// </summary>
public sealed class FireCamerasOptions
{
    /// <summary>Each entry: the twin camera and a video file, image folder or stream URL, as for plate reading.</summary>
    public List<VisionCamera> Cameras { get; set; } = [];

    /// <summary>The shortest time between two frames of one camera that are looked at (by the frames' own clock).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Frame size a network stream is scaled to.</summary>
    public int StreamWidth { get; set; } = 1920;

    /// <summary>Frame size a network stream is scaled to.</summary>
    public int StreamHeight { get; set; } = 1080;
}
