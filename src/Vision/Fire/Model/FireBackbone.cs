using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace CityTwin.Vision.Fire.Model;

/// <summary>
/// The frozen feature extractor: the pretrained ResNet18 of NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 (copied
/// beside the binary as <c>models/ResNet18.onnx</c>), fed the way that package's own preprocessing model feeds it:
/// BGR pixels 0..255 at 224×224 minus the per-channel mean of its mean image. One patch in, 512 floats out.
/// </summary>
public sealed class FireBackbone : IDisposable
{
    public const int Side = 224;

    /// <summary>Per-channel means (B, G, R) of the mean image inside the package's ResNetPreprocess.onnx.</summary>
    private static readonly float[] ChannelMean = [103.0626f, 115.9029f, 123.1516f];

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;

    public FireBackbone(string modelPath, int intraOpThreads = 1)
    {
        if (!File.Exists(modelPath))
            throw new FireModelException($"the ResNet18 backbone {modelPath} is missing (the build copies it from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18)");
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, intraOpThreads), InterOpNumThreads = 1 };
        _session = new InferenceSession(modelPath, options);
        _input = _session.InputMetadata.Keys.First();
        var (output, meta) = _session.OutputMetadata.First();
        _output = output;
        FeatureWidth = meta.Dimensions.Skip(1).Aggregate(1, (a, b) => a * Math.Max(1, b));
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "ResNet18.onnx");

    /// <summary>The length of one feature vector (512 for ResNet18).</summary>
    public int FeatureWidth { get; }

    /// <summary>The features of one patch of a BGR frame.</summary>
    public float[] Features(Mat frameBgr, NormalizedBox patch)
    {
        var tensor = new DenseTensor<float>([1, 3, Side, Side]);
        using (var crop = Crop(frameBgr, patch))
        using (var resized = new Mat())
        {
            Cv2.Resize(crop, resized, new Size(Side, Side), 0, 0, InterpolationFlags.Area);
            var pixels = new byte[Side * Side * 3];
            Marshal.Copy(resized.Data, pixels, 0, pixels.Length);
            var buffer = tensor.Buffer.Span;
            const int plane = Side * Side;
            for (var i = 0; i < plane; i++)
            {
                buffer[i] = pixels[3 * i] - ChannelMean[0];
                buffer[plane + i] = pixels[3 * i + 1] - ChannelMean[1];
                buffer[2 * plane + i] = pixels[3 * i + 2] - ChannelMean[2];
            }
        }
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        var values = results.First().AsEnumerable<float>().ToArray();
        if (values.Length != FeatureWidth)
            throw new FireModelException($"the backbone gave {values.Length} features, expected {FeatureWidth}");
        return values;
    }

    /// <summary>The pixels of a normalised patch, at least one pixel, clipped to the frame.</summary>
    public static Mat Crop(Mat frame, NormalizedBox patch)
    {
        var x0 = Math.Clamp((int)Math.Round(patch.X * frame.Width), 0, frame.Width - 1);
        var y0 = Math.Clamp((int)Math.Round(patch.Y * frame.Height), 0, frame.Height - 1);
        var x1 = Math.Clamp((int)Math.Round((patch.X + patch.Width) * frame.Width), x0 + 1, frame.Width);
        var y1 = Math.Clamp((int)Math.Round((patch.Y + patch.Height) * frame.Height), y0 + 1, frame.Height);
        return new Mat(frame, new Rect(x0, y0, x1 - x0, y1 - y0));
    }

    public void Dispose() => _session.Dispose();
}
