namespace CityTwin.Vision.Plates;

/// <summary>
/// An optional ONNX plate detector with a YOLO output: input float [1,3,H,W] RGB scaled to 0..1 and letterboxed,
/// output [1,N,5+C] (YOLOv5: box, objectness, class scores) or [1,4+C,N] (YOLOv8/11: box, class scores).
/// </summary>
public sealed class PlateDetectorModelOptions
{
    /// <summary>The model file; empty means the classical OpenCV detector is used.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Input width in pixels.</summary>
    public int Width { get; set; } = 640;

    /// <summary>Input height in pixels.</summary>
    public int Height { get; set; } = 640;

    /// <summary>The class index that means "plate"; -1 accepts any class.</summary>
    public int PlateClass { get; set; } = -1;

    /// <summary>Minimum score (objectness × class score) of a box kept.</summary>
    public float ScoreThreshold { get; set; } = 0.35f;

    /// <summary>Boxes overlapping a better one by more than this IoU are dropped.</summary>
    public float NmsThreshold { get; set; } = 0.45f;
}
