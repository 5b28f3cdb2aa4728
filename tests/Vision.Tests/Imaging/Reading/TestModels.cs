using System.Text.Json;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>
/// The contract's files for a model built in-process: 18 TorchXRayVision-style labels, a brightness classifier on
/// 64×64 grey input, thresholds at 0.5. Only <see cref="Bright"/> (Pneumothorax, critical) rises with brightness;
/// <see cref="Always"/> (Effusion) always fires; the others never do.
/// </summary>
public static class TestModels
{
    public const string Version = "citytwin-test-1";
    public const string Bright = "Pneumothorax";
    public const string Always = "Effusion";
    public const int Size = 64;

    public static readonly string[] Labels =
    [
        "Atelectasis", "Consolidation", "Infiltration", "Pneumothorax", "Edema", "Emphysema", "Fibrosis", "Effusion",
        "Pneumonia", "Pleural_Thickening", "Cardiomegaly", "Nodule", "Mass", "Hernia", "Lung Lesion", "Fracture",
        "Lung Opacity", "Enlarged Cardiomediastinum",
    ];

    /// <summary>
    /// Writes the model, labels and thresholds into <paramref name="folder"/> and returns the options. A large
    /// <paramref name="brightBias"/> makes the critical label fire on any image.
    /// </summary>
    public static ModelOptions Write(string folder, string thresholdsVersion = Version, int? outputs = null, string? declaredVersion = Version, float brightBias = 0)
    {
        var count = outputs ?? Labels.Length;
        var weights = new float[count];
        var biases = Enumerable.Repeat(-8f, count).ToArray();
        var bright = Array.IndexOf(Labels, Bright);
        var always = Array.IndexOf(Labels, Always);
        // XRayVision input is [-1024, 1024]: mean above ~0 (a mid-grey image) scores over 0.5.
        if (bright < count) (weights[bright], biases[bright]) = (0.01f, brightBias);
        if (always < count) biases[always] = 4f;
        var modelPath = Path.Combine(folder, $"model-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(modelPath, SyntheticModels.BrightnessClassifier(Size, Size, weights, biases, declaredVersion));
        var labelsPath = Path.Combine(folder, "labels.txt");
        File.WriteAllLines(labelsPath, Labels);
        var thresholdsPath = Path.Combine(folder, $"thresholds-{Guid.NewGuid():N}.json");
        File.WriteAllText(thresholdsPath, JsonSerializer.Serialize(new
        {
            modelVersion = thresholdsVersion,
            thresholds = Labels.ToDictionary(l => l, _ => 0.5f),
            critical = new[] { Bright },
        }));
        return new ModelOptions
        {
            ModelPath = modelPath, LabelsPath = labelsPath, ThresholdsPath = thresholdsPath, ModelVersion = Version,
            InputWidth = Size, InputHeight = Size, InputChannels = 1, Normalization = InputNormalization.XRayVision,
        };
    }
}
