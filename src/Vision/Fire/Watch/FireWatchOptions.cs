namespace CityTwin.Vision.Fire.Watch;

/// <summary>Configuration section <c>CityTwin:Fire</c>: the model, the confirmation rule and the operators' masks.</summary>
public sealed class FireWatchOptions
{
    public const string Section = "CityTwin:Fire";

    /// <summary>The trained head; default: the committed models/fire/fire-head.onnx copied beside the binary.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The ResNet18 backbone; default: models/ResNet18.onnx beside the binary (from the NuGet package).</summary>
    public string? BackbonePath { get; set; }

    /// <summary><c>own</c> (the trained model, default) or <c>baseline</c> (the colour rules, with motion).</summary>
    public string Detector { get; set; } = "own";

    /// <summary>ONNX Runtime threads per detector (each camera has its own detector).</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>K: frames of the window that must see the class in overlapping regions before an event.</summary>
    public int ConfirmFrames { get; set; } = 3;

    /// <summary>N: the window of recent frames the confirmation looks at.</summary>
    public int WindowFrames { get; set; } = 5;

    /// <summary>A detection whose region lies at least this much inside the camera's masks is dropped.</summary>
    public double MaskedShareToDrop { get; set; } = 0.5;

    /// <summary>While a class stays confirmed, it is raised again at most this often (updates for the incident).</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>JPEG quality of the snapshot that goes with an event.</summary>
    public int SnapshotQuality { get; set; } = 85;

    /// <summary>
    /// Exclusion masks per camera id, each polygon as "x,y x,y x,y ..." in normalised image coordinates (0..1,
    /// origin top-left), e.g. <c>"0,0 1,0 1,0.35 0,0.35"</c> for the sky above a third of the frame.
    /// </summary>
    public Dictionary<string, List<string>> Masks { get; set; } = new(StringComparer.Ordinal);
}
