using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace CityTwin.Vision.Fire.Model;

/// <summary>
/// The project's trained smoke/fire detector: the frozen ResNet18 backbone scores every patch of
/// <see cref="FirePatchGrid"/>, the trained head (models/fire/fire-head.onnx, thresholds in its metadata) turns the
/// 14 feature vectors into smoke and fire scores in one batch, and <see cref="FirePatchDecision"/> makes detections.
/// Not thread-safe per instance: one per camera worker.
/// </summary>
public sealed class OnnxSmokeFireDetector : ISmokeFireDetector, IDisposable
{
    public const string HeadInput = "features";
    public const string HeadOutput = "fire_scores";
    public const string SmokeThresholdKey = "threshold.smoke";
    public const string FireThresholdKey = "threshold.fire";

    private readonly FireBackbone _backbone;
    private readonly InferenceSession _head;

    public OnnxSmokeFireDetector(string headPath, string backbonePath, int intraOpThreads = 1)
    {
        if (!File.Exists(headPath)) throw new FireModelException($"the fire head {headPath} is missing");
        _backbone = new FireBackbone(backbonePath, intraOpThreads);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        try
        {
            _head = new InferenceSession(headPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            _backbone.Dispose();
            throw new FireModelException($"the fire head {headPath} does not load: {e.Message}");
        }
        try
        {
            Validate();
            var metadata = _head.ModelMetadata.CustomMetadataMap;
            SmokeThreshold = Threshold(metadata, SmokeThresholdKey);
            FireThreshold = Threshold(metadata, FireThresholdKey);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The committed head, copied beside the binary by the build.</summary>
    public static string DefaultHeadPath => Path.Combine(AppContext.BaseDirectory, "models", "fire", "fire-head.onnx");

    public float SmokeThreshold { get; }
    public float FireThreshold { get; }

    public IReadOnlyList<FireDetection> Detect(Mat frameBgr) => Detect(frameBgr, null);

    public IReadOnlyList<FireDetection> Detect(Mat frameBgr, IMaskCoverage? masks) =>
        FirePatchDecision.Decide(PatchScores(frameBgr, masks), FirePatchGrid.Patches, SmokeThreshold, FireThreshold);

    /// <summary>
    /// [smoke, fire] per patch of the grid, in grid order. A patch with more than <see cref="MaxMaskedPatchShare"/>
    /// under the masks, or with almost no contrast, is scored as nothing.
    /// </summary>
    public IReadOnlyList<float[]> PatchScores(Mat frameBgr, IMaskCoverage? masks = null)
    {
        FrameGuard.Check(frameBgr);
        var patches = FirePatchGrid.Patches;
        var width = _backbone.FeatureWidth;
        var features = new DenseTensor<float>([patches.Count, width]);
        var unscored = new bool[patches.Count];
        for (var p = 0; p < patches.Count; p++)
        {
            unscored[p] = masks?.MaskedShare(patches[p]) > MaxMaskedPatchShare || Featureless(frameBgr, patches[p]);
            if (!unscored[p]) _backbone.Features(frameBgr, patches[p]).CopyTo(features.Buffer.Span[(p * width)..]);
        }
        using var results = _head.Run([NamedOnnxValue.CreateFromTensor(HeadInput, features)]);
        var scores = results.First(r => r.Name == HeadOutput).AsTensor<float>();
        if (scores.Dimensions.Length != 2 || scores.Dimensions[0] != patches.Count || scores.Dimensions[1] != 2)
            throw new FireModelException($"the fire head gave [{string.Join(",", scores.Dimensions.ToArray())}], expected [{patches.Count},2]");
        return Enumerable.Range(0, patches.Count).Select(p => unscored[p] ? new float[2] : [scores[p, 0], scores[p, 1]]).ToList();
    }

    /// <summary>
    /// The largest share of a patch that may lie under exclusion masks and still be scored. A masked sky leaves a black
    /// band; in a composed tower view a patch that was 38% black band above a street scored 0.94 smoke (the street
    /// alone 0.07), because no training image has such an edge. A patch with a thin band (the row just above a masked
    /// horizon) is still scored, so the ground right under the mask stays watched.
    /// </summary>
    public const double MaxMaskedPatchShare = 0.2;

    /// <summary>
    /// A patch with almost no contrast (grey standard deviation under <see cref="MinPatchContrast"/>) is scored as
    /// nothing: uniform fog or haze fills the view without the edges a plume has against what is behind it, and the
    /// head, trained on plumes, would call it smoke.
    /// </summary>
    public const double MinPatchContrast = 10;

    private static bool Featureless(Mat frame, NormalizedBox patch)
    {
        using var crop = FireBackbone.Crop(frame, patch);
        using var grey = new Mat();
        Cv2.CvtColor(crop, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.MeanStdDev(grey, out _, out var deviation);
        return deviation.Val0 < MinPatchContrast;
    }

    private void Validate()
    {
        if (!_head.InputMetadata.TryGetValue(HeadInput, out var input))
            throw new FireModelException($"the fire head has no input '{HeadInput}'");
        var inputWidth = input.Dimensions.Length == 2 ? input.Dimensions[1] : -1;
        if (inputWidth != _backbone.FeatureWidth)
            throw new FireModelException($"the fire head takes [{string.Join(",", input.Dimensions)}], the backbone gives [N,{_backbone.FeatureWidth}]");
        if (!_head.OutputMetadata.TryGetValue(HeadOutput, out var output) || output.Dimensions.Length != 2 || output.Dimensions[1] != 2)
            throw new FireModelException($"the fire head must output '{HeadOutput}' as [N,2] (smoke, fire)");
    }

    private static float Threshold(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value is > 0 and < 1
            ? value
            : throw new FireModelException($"the fire head's metadata has no valid '{key}' (a number between 0 and 1)");

    public void Dispose()
    {
        _head?.Dispose();
        _backbone.Dispose();
    }
}
