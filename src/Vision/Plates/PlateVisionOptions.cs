namespace CityTwin.Vision.Plates;

/// <summary>
/// Settings of the plate pipeline, bound from the configuration section <see cref="Section"/>. Model files, their
/// alphabets, input sizes and layouts live here so that swapping a model is a configuration change, not a code change.
/// </summary>
public sealed class PlateVisionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "CityTwin:Vision:Plates";

    /// <summary>Which OCR reader to use: <c>onnx</c>, <c>tesseract</c>, or <c>auto</c> (ONNX when its model file exists).</summary>
    public string Reader { get; set; } = "auto";

    /// <summary>The ONNX OCR model (fast-plate-ocr layout by default).</summary>
    public PlateOcrModelOptions Ocr { get; set; } = new();

    /// <summary>The optional ONNX YOLO plate detector; without a model path the classical OpenCV detector runs.</summary>
    public PlateDetectorModelOptions Detector { get; set; } = new();

    /// <summary>Debian's tessdata folder; Tesseract is only created when it exists (a missing one aborts the process).</summary>
    public string TessdataPath { get; set; } = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Fraction of pixels that must change between sampled frames of one camera for a frame to be processed; 0 turns the gate off.</summary>
    public double MotionThreshold { get; set; } = 0.002;

    /// <summary>
    /// How long a track stays open without a new read before it is voted and sent. It is the largest part of the
    /// frame-to-alert delay: 1.5 s gave p99 1.75 s, 0.5 s gives 0.65 s with the same reads (docs/benchmarks.md), and
    /// it only has to outlast the gap between two sampled frames of one pass.
    /// </summary>
    public TimeSpan TrackTimeout { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Reads below this voted confidence are dropped as unreadable.</summary>
    public float MinConfidence { get; set; } = 0.3f;

    /// <summary>The most reads one call to the ingest carries.</summary>
    public int MaxBatchSize { get; set; } = 64;
}
