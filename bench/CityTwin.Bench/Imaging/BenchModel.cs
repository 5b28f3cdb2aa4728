using System.Reflection;
using System.Text.Json;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// A model of realistic cost for the benchmark: the pretrained ResNet18 backbone with an 18-label head appended to its
/// graph in code, plus labels and thresholds, written to a temp folder as the contract's files.
/// </summary>
public static class BenchModel
{
    public const string Version = "bench-resnet18-head-1";

    private static readonly string[] Labels =
    [
        "Atelectasis", "Consolidation", "Infiltration", "Pneumothorax", "Edema", "Emphysema", "Fibrosis", "Effusion",
        "Pneumonia", "Pleural_Thickening", "Cardiomegaly", "Nodule", "Mass", "Hernia", "Lung Lesion", "Fracture",
        "Lung Opacity", "Enlarged Cardiomediastinum",
    ];

    public static string BackbonePath =>
        typeof(BenchModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "ResNet18Onnx").Value!;

    public static ModelOptions Write(string folder, int intraOpThreads)
    {
        var backbone = File.ReadAllBytes(BackbonePath);
        string featureOutput;
        int features;
        string input;
        using (var probe = new InferenceSession(backbone))
        {
            (featureOutput, var meta) = probe.OutputMetadata.First();
            features = meta.Dimensions.Skip(1).Aggregate(1, (a, b) => a * Math.Max(1, b));
            input = probe.InputMetadata.Keys.First();
        }
        var modelPath = Path.Combine(folder, "resnet18-head.onnx");
        File.WriteAllBytes(modelPath, SyntheticModels.WithMultiLabelHead(backbone, featureOutput, features, Labels.Length));
        var labelsPath = Path.Combine(folder, "labels.txt");
        File.WriteAllLines(labelsPath, Labels);
        var thresholdsPath = Path.Combine(folder, "thresholds.json");
        File.WriteAllText(thresholdsPath, JsonSerializer.Serialize(new
        {
            modelVersion = Version,
            thresholds = Labels.ToDictionary(l => l, _ => 0.5f),
            critical = new[] { "Pneumothorax" },
        }));
        Console.WriteLine($"backbone {BackbonePath}: input {input}, features {featureOutput} ({features})");
        return new ModelOptions
        {
            ModelPath = modelPath, LabelsPath = labelsPath, ThresholdsPath = thresholdsPath, ModelVersion = Version,
            InputName = input, OutputName = "scores", InputWidth = 224, InputHeight = 224, InputChannels = 3,
            Normalization = InputNormalization.MeanStd, Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f],
            IntraOpThreads = intraOpThreads,
        };
    }
}
