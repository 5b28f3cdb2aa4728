using OpenCvSharp;

namespace CityTwin.Vision.Traffic;

/// <summary>How synthetic traffic is rendered and clocked.</summary>
public sealed class SyntheticTrafficOptions
{
    /// <summary>Seed of everything random: plates, conditions, noise. The same seed gives the same pixels.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Frame size; 640×360 keeps tests quick, the benchmark uses 1280×720 and 1920×1080.</summary>
    public Size FrameSize { get; set; } = new(640, 360);

    /// <summary>Frames in which a vehicle is in view of one camera.</summary>
    public int FramesPerPass { get; set; } = 5;

    /// <summary>Time between sampled frames of a camera.</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Empty-road frames a camera shows before each pass (static: the motion gate should skip all but the first).</summary>
    public int EmptyFramesBefore { get; set; } = 2;

    /// <summary>Whether passes draw random night, blur, noise, glare and pose; false renders clear daytime passes.</summary>
    public bool RandomConditions { get; set; } = true;
}
