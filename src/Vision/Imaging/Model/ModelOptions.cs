namespace CityTwin.Vision.Imaging.Model;

/// <summary>
/// The AI model contract, all configuration (<c>CityTwin:Imaging:Model</c>): an ONNX multi-label classifier, its label
/// file (one label per line, in output order), its thresholds file and the version it must carry.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "CityTwin:Imaging:Model";

    /// <summary>The ONNX file.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Labels, one per line, in the order of the model's output scores.</summary>
    public string LabelsPath { get; set; } = "";

    /// <summary>JSON: <c>{ "modelVersion": "...", "thresholds": { "Pneumonia": 0.6 }, "critical": ["Pneumothorax"] }</c>.</summary>
    public string ThresholdsPath { get; set; } = "";

    /// <summary>The version of the model file; the thresholds must have been calibrated for exactly this version.</summary>
    public string ModelVersion { get; set; } = "";

    /// <summary>The model's name as results carry it; default: the ONNX file's name without extension.</summary>
    public string ModelName { get; set; } = "";

    /// <summary>
    /// Whether results may inform care. A site's real model is clinical unless its configuration says false; the
    /// demo model's results are never clinical.
    /// </summary>
    public bool Clinical { get; set; } = true;

    /// <summary>The image input; default: the model's first input.</summary>
    public string? InputName { get; set; }

    /// <summary>The scores output; default: the model's first output.</summary>
    public string? OutputName { get; set; }

    public int InputWidth { get; set; } = 224;

    public int InputHeight { get; set; } = 224;

    /// <summary>1 for grey models (TorchXRayVision), 3 for ImageNet backbones; the grey image is repeated.</summary>
    public int InputChannels { get; set; } = 1;

    /// <summary>How windowed [0,1] pixels become model input.</summary>
    public InputNormalization Normalization { get; set; } = InputNormalization.XRayVision;

    /// <summary>Per-channel mean for <see cref="InputNormalization.MeanStd"/>.</summary>
    public float[] Mean { get; set; } = [0.5f];

    /// <summary>Per-channel standard deviation for <see cref="InputNormalization.MeanStd"/>.</summary>
    public float[] Std { get; set; } = [0.5f];

    /// <summary>True when the model outputs logits; scores are then passed through a sigmoid.</summary>
    public bool OutputsLogits { get; set; }

    /// <summary>ONNX Runtime threads per inference; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }
}

/// <summary>Input scaling of a model.</summary>
public enum InputNormalization
{
    /// <summary>TorchXRayVision: [0,1] mapped to [-1024, 1024].</summary>
    XRayVision,
    /// <summary>(x − mean) / std per channel, e.g. ImageNet statistics.</summary>
    MeanStd,
}
