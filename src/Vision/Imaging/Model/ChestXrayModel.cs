using CityTwin.Twin.Clinics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CityTwin.Vision.Imaging.Model;

/// <summary>
/// A loaded, validated multi-label classifier. <see cref="Load"/> checks the whole contract before any image is read:
/// the input is [N, channels, height, width] as configured, the output has one score per label, every label has a
/// threshold in (0, 1], and the thresholds were calibrated for the configured model version (and the version the ONNX
/// file declares, when it declares one). Any mismatch is a <see cref="ModelContractException"/>: no results at all.
/// Thread-safe: ONNX Runtime sessions run concurrently.
/// </summary>
public sealed class ChestXrayModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly string inputName;
    private readonly string outputName;
    private readonly float[] thresholds;
    private readonly HashSet<string> critical;
    private readonly bool logits;
    private readonly int[] inputShape;

    private ChestXrayModel(InferenceSession session, ModelOptions options, string inputName, string outputName,
        IReadOnlyList<string> labels, float[] thresholds, HashSet<string> critical)
    {
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        Labels = labels;
        this.thresholds = thresholds;
        this.critical = critical;
        logits = options.OutputsLogits;
        Version = options.ModelVersion;
        Name = string.IsNullOrWhiteSpace(options.ModelName) ? Path.GetFileNameWithoutExtension(options.ModelPath) : options.ModelName;
        Clinical = options.Clinical;
        inputShape = [1, options.InputChannels, options.InputHeight, options.InputWidth];
    }

    public string Version { get; }

    /// <summary>The name results carry (<see cref="ModelOptions.ModelName"/>).</summary>
    public string Name { get; }

    /// <summary>Whether its results may inform care (<see cref="ModelOptions.Clinical"/>).</summary>
    public bool Clinical { get; }

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlySet<string> Critical => critical;

    public static ChestXrayModel Load(ModelOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ModelVersion)) throw new ModelContractException("no model version is configured (CityTwin:Imaging:Model:ModelVersion)");
        if (options.InputWidth < 1 || options.InputHeight < 1 || options.InputChannels is < 1 or > 4)
            throw new ModelContractException($"input size {options.InputChannels}x{options.InputHeight}x{options.InputWidth} is not usable");
        var labels = ReadLabels(options.LabelsPath);
        var file = ThresholdsFile.Read(Required(options.ThresholdsPath, "thresholds"));
        if (!string.Equals(file.ModelVersion, options.ModelVersion, StringComparison.Ordinal))
            throw new ModelContractException($"thresholds calibrated for {file.ModelVersion ?? "(no version)"}, model is {options.ModelVersion}; refusing to produce results");
        var thresholds = new float[labels.Count];
        var given = file.Thresholds ?? [];
        var unknown = given.Keys.Where(k => !labels.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ModelContractException($"thresholds name labels the label file lacks: {string.Join(", ", unknown)}");
        var missing = labels.Where(l => !given.ContainsKey(l)).ToList();
        if (missing.Count > 0) throw new ModelContractException($"no threshold for: {string.Join(", ", missing)}");
        for (var i = 0; i < labels.Count; i++)
        {
            var t = given[labels[i]];
            if (!(t > 0 && t <= 1)) throw new ModelContractException($"threshold of {labels[i]} is {t}; thresholds lie in (0, 1]");
            thresholds[i] = t;
        }
        var critical = (file.Critical ?? []).ToHashSet(StringComparer.Ordinal);
        var unknownCritical = critical.Where(c => !labels.Contains(c)).ToList();
        if (unknownCritical.Count > 0) throw new ModelContractException($"critical labels the label file lacks: {string.Join(", ", unknownCritical)}");

        InferenceSession session;
        try
        {
            using var sessionOptions = new SessionOptions { IntraOpNumThreads = Math.Max(0, options.IntraOpThreads) };
            session = new InferenceSession(Required(options.ModelPath, "model"), sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelContractException($"ONNX Runtime cannot load {options.ModelPath}: {e.Message}", e);
        }
        try
        {
            if (session.ModelMetadata.CustomMetadataMap.TryGetValue("modelVersion", out var declared) && declared != options.ModelVersion)
                throw new ModelContractException($"the model file declares version {declared}, configuration says {options.ModelVersion}; refusing to produce results");
            var inputName = options.InputName ?? session.InputMetadata.Keys.First();
            var outputName = options.OutputName ?? session.OutputMetadata.Keys.First();
            if (!session.InputMetadata.TryGetValue(inputName, out var input))
                throw new ModelContractException($"the model has no input {inputName}; it has {string.Join(", ", session.InputMetadata.Keys)}");
            if (!session.OutputMetadata.TryGetValue(outputName, out var output))
                throw new ModelContractException($"the model has no output {outputName}; it has {string.Join(", ", session.OutputMetadata.Keys)}");
            CheckInput(input.Dimensions, options);
            var scores = output.Dimensions;
            var perImage = scores.Length == 0 ? -1 : scores[^1];
            if (scores.Length != 2 || (perImage > 0 && perImage != labels.Count))
                throw new ModelContractException(
                    $"model output {outputName} is [{string.Join(",", scores)}]; the contract is [N,{labels.Count}], one score per label in {options.LabelsPath}");
            return new ChestXrayModel(session, options, inputName, outputName, labels, thresholds, critical);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>One score per label for one preprocessed image ([channels × height × width]).</summary>
    public float[] Score(float[] input)
    {
        var tensor = new DenseTensor<float>(input, inputShape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)], [outputName]);
        var scores = results[0].AsEnumerable<float>().ToArray();
        if (scores.Length != Labels.Count)
            throw new ModelContractException($"the model returned {scores.Length} scores for {Labels.Count} labels");
        if (logits) for (var i = 0; i < scores.Length; i++) scores[i] = 1f / (1f + MathF.Exp(-scores[i]));
        return scores;
    }

    /// <summary>The labels whose score reaches their threshold, highest score first.</summary>
    public IReadOnlyList<ImagingFinding> Findings(float[] scores) =>
        Enumerable.Range(0, Labels.Count)
            .Where(i => float.IsFinite(scores[i]) && scores[i] >= thresholds[i])
            .Select(i => new ImagingFinding(Labels[i], scores[i]))
            .OrderByDescending(f => f.Score)
            .ToList();

    public void Dispose() => session.Dispose();

    private static void CheckInput(int[] dims, ModelOptions options)
    {
        int[] expected = [1, options.InputChannels, options.InputHeight, options.InputWidth];
        if (dims.Length != 4 || Enumerable.Range(1, 3).Any(i => dims[i] > 0 && dims[i] != expected[i]))
            throw new ModelContractException(
                $"model input is [{string.Join(",", dims)}]; configuration says [N,{options.InputChannels},{options.InputHeight},{options.InputWidth}]");
    }

    private static string Required(string path, string what) =>
        string.IsNullOrWhiteSpace(path) ? throw new ModelContractException($"no {what} path is configured")
        : File.Exists(path) ? path : throw new ModelContractException($"{what} file {path} does not exist");

    private static List<string> ReadLabels(string path)
    {
        var labels = File.ReadAllLines(Required(path, "label")).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (labels.Count == 0) throw new ModelContractException($"label file {path} has no labels");
        var duplicate = labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ModelContractException($"label file {path} lists {duplicate.Key} twice");
        return labels;
    }
}
