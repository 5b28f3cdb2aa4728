using CityTwin.Vision.Imaging.Model.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace CityTwin.Vision.Imaging.Model.Demo;

/// <summary>
/// The demo chest X-ray model: the pretrained ResNet18 ImageNet backbone (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18,
/// copied beside the binary by the build) with a 95-label head of fixed, seeded random weights (Flatten → Gemm →
/// Sigmoid). It costs what a trained head on that backbone costs, and its scores mean nothing: every result is
/// <c>clinical: false</c>. The head is composed at start-up rather than committed, because the backbone may not be
/// redistributed in this repository and the head is fully defined by <see cref="Seed"/>.
/// </summary>
public static class DemoModel
{
    public const string Name = "citytwin-demo-resnet18-random-head";

    /// <summary>Changes whenever the head (seed, scale, bias) or the label list changes.</summary>
    public const string Version = "1.0";

    /// <summary>The seed of the head's weights; with the backbone it defines the model.</summary>
    public const int Seed = 20261207;

    /// <summary>The output the head adds.</summary>
    public const string Output = "citytwin_demo_scores";

    /// <summary>ImageNet statistics, what the backbone was trained with.</summary>
    private static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    // Weights uniform in ±WeightScale give logits of roughly unit spread on ResNet18's pooled features; the negative
    // bias keeps most labels under their 0.5 threshold, so a demo reading lists a few findings, not half of them.
    private const float WeightScale = 0.08f;
    private const float Bias = -1.5f;

    /// <summary>The folder of the committed labels and thresholds, beside the binary.</summary>
    public static string ConfigurationDirectory => Path.Combine(AppContext.BaseDirectory, "models", "citytwin-demo");

    public static string DefaultBackbonePath => Path.Combine(AppContext.BaseDirectory, "models", "ResNet18.onnx");

    /// <summary>The model contract of the demo model; the file is written by <see cref="EnsureComposed"/>.</summary>
    public static ModelOptions Options(DemoModelOptions demo, string storageRoot)
    {
        var directory = string.IsNullOrWhiteSpace(demo.Directory) ? Path.Combine(storageRoot, "models") : demo.Directory;
        return new ModelOptions
        {
            ModelPath = Path.Combine(directory, $"{Name}-{Version}.onnx"),
            LabelsPath = Path.Combine(ConfigurationDirectory, "labels.txt"),
            ThresholdsPath = Path.Combine(ConfigurationDirectory, "thresholds.json"),
            ModelName = Name,
            ModelVersion = Version,
            Clinical = false,
            OutputName = Output,
            InputWidth = 224,
            InputHeight = 224,
            InputChannels = 3,
            Normalization = InputNormalization.MeanStd,
            Mean = ImageNetMean,
            Std = ImageNetStd,
            IntraOpThreads = demo.IntraOpThreads,
        };
    }

    /// <summary>
    /// Writes the composed model to <paramref name="options"/>' model path unless it is already there; a missing
    /// backbone is a <see cref="ModelContractException"/> (the reader then rejects each study with that reason).
    /// </summary>
    public static void EnsureComposed(ModelOptions options, string? backbonePath = null)
    {
        if (File.Exists(options.ModelPath)) return;
        var backbone = string.IsNullOrWhiteSpace(backbonePath) ? DefaultBackbonePath : backbonePath;
        if (!File.Exists(backbone))
            throw new ModelContractException($"the demo model's backbone {backbone} is missing (the build copies it from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18)");
        var labels = File.ReadAllLines(options.LabelsPath).Count(l => l.Trim().Length > 0);
        var composed = Compose(File.ReadAllBytes(backbone), labels);
        Directory.CreateDirectory(Path.GetDirectoryName(options.ModelPath)!);
        // Written beside and renamed into place: a host that starts concurrently never loads half a file.
        var temporary = $"{options.ModelPath}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, composed);
        File.Move(temporary, options.ModelPath, overwrite: true);
    }

    /// <summary>The backbone with the seeded head appended to its graph, declaring <see cref="Version"/>.</summary>
    public static byte[] Compose(byte[] backbone, int labels)
    {
        string features;
        int width;
        using (var probe = new InferenceSession(backbone))
        {
            (features, var meta) = probe.OutputMetadata.First();
            width = meta.Dimensions.Skip(1).Aggregate(1, (a, b) => a * Math.Max(1, b));
        }
        var random = new Random(Seed);
        var weights = new float[width * labels];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() * 2 - 1) * WeightScale;
        var biases = Enumerable.Repeat(Bias, labels).ToArray();
        return new OnnxGraphBuilder()
            .Initializer("citytwin_demo_W", [width, labels], weights)
            .Initializer("citytwin_demo_B", [labels], biases)
            .Node("Flatten", [features], ["citytwin_demo_features"], ("axis", 1L))
            .Node("Gemm", ["citytwin_demo_features", "citytwin_demo_W", "citytwin_demo_B"], ["citytwin_demo_logits"])
            .Node("Sigmoid", ["citytwin_demo_logits"], [Output])
            .Output(Output, 1, labels)
            .Metadata("modelVersion", Version)
            .AppendTo(backbone);
    }
}
