using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Reading;

/// <summary>
/// A slot-per-character ONNX OCR model such as fast-plate-ocr: uint8 NHWC input [N,H,W,3], output [N,slots,classes]
/// with one softmax per slot and a padding class. The model's real input and output names and shapes are checked
/// against the configuration when it loads, so a model of another layout is refused with a clear error instead of
/// producing nonsense. Two-line plates are fed whole: the global model reads them top line first.
/// </summary>
public sealed class OnnxPlateReader : IPlateReader
{
    private readonly InferenceSession _session;
    private readonly PlateOcrModelOptions _options;
    private readonly string _outputName;
    private readonly bool _rgb;

    /// <summary>Loads and checks the model.</summary>
    /// <exception cref="PlateModelException">The file is missing, not a model, or its layout differs from <paramref name="options"/>.</exception>
    public OnnxPlateReader(PlateOcrModelOptions options, int threads = 1)
    {
        _options = options;
        var path = options.ResolveModelPath();
        if (!File.Exists(path)) throw new PlateModelException($"OCR model file {path} does not exist.");
        if (options.Alphabet.IndexOf(options.PadCharacter) < 0)
            throw new PlateModelException($"OCR alphabet '{options.Alphabet}' lacks the padding character '{options.PadCharacter}'.");
        _rgb = options.ColorOrder.Equals("RGB", StringComparison.OrdinalIgnoreCase);
        if (!_rgb && !options.ColorOrder.Equals("BGR", StringComparison.OrdinalIgnoreCase))
            throw new PlateModelException($"OCR colour order '{options.ColorOrder}' is neither RGB nor BGR.");

        var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        try
        {
            _session = new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PlateModelException($"OCR model {path} could not be loaded: {e.Message}", e);
        }
        finally
        {
            sessionOptions.Dispose();
        }

        try
        {
            _outputName = CheckLayout(path);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Name => "onnx";

    /// <inheritdoc />
    public IReadOnlyList<PlateOcrResult> Read(IReadOnlyList<Mat> crops)
    {
        if (crops.Count == 0) return [];
        int height = _options.Height, width = _options.Width;
        var input = new DenseTensor<byte>([crops.Count, height, width, 3]);
        var buffer = input.Buffer.Span;
        using var resized = new Mat();
        for (var n = 0; n < crops.Count; n++)
        {
            Cv2.Resize(crops[n], resized, new Size(width, height), interpolation: InterpolationFlags.Linear);
            if (_rgb) Cv2.CvtColor(resized, resized, ColorConversionCodes.BGR2RGB);
            // Resize output is continuous, so its bytes are exactly one NHWC image.
            var bytes = resized.AsSpan<byte>();
            bytes.CopyTo(buffer.Slice(n * height * width * 3, height * width * 3));
        }

        IDisposableReadOnlyCollection<DisposableNamedOnnxValue> outputs;
        try
        {
            outputs = _session.Run([NamedOnnxValue.CreateFromTensor(_options.InputName, input)], [_outputName]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PlateModelException($"OCR model run failed: {e.Message}", e);
        }
        using (outputs)
        {
            var tensor = outputs.First().AsTensor<float>();
            var dims = tensor.Dimensions.ToArray();
            var classes = _options.Alphabet.Length;
            if (dims.Length != 3 || dims[0] != crops.Count || dims[1] != _options.Slots || dims[2] != classes)
                throw new PlateModelException($"OCR model returned shape [{string.Join(",", dims)}], expected [{crops.Count},{_options.Slots},{classes}].");
            var results = new PlateOcrResult[crops.Count];
            for (var n = 0; n < crops.Count; n++) results[n] = Decode(tensor, n, classes);
            return results;
        }
    }

    private PlateOcrResult Decode(Tensor<float> tensor, int n, int classes)
    {
        var text = new System.Text.StringBuilder(_options.Slots);
        var confidences = new List<float>(_options.Slots);
        for (var slot = 0; slot < _options.Slots; slot++)
        {
            var best = 0;
            var bestScore = float.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                var score = tensor[n, slot, c];
                if (float.IsNaN(score) || float.IsInfinity(score))
                    throw new PlateModelException($"OCR model returned {score} at slot {slot}, class {c}.");
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }
            var character = _options.Alphabet[best];
            if (character == _options.PadCharacter) continue;
            text.Append(character);
            confidences.Add(Math.Clamp(bestScore, 0f, 1f));
        }
        return new PlateOcrResult(text.ToString(), confidences);
    }

    /// <summary>Compares the model's real tensors with the configuration; returns the output name to fetch.</summary>
    private string CheckLayout(string path)
    {
        if (!_session.InputMetadata.TryGetValue(_options.InputName, out var input))
            throw new PlateModelException($"OCR model {path} has no input '{_options.InputName}'; it has {string.Join(", ", _session.InputMetadata.Keys)}.");
        if (input.ElementType != typeof(byte))
            throw new PlateModelException($"OCR model input '{_options.InputName}' is {input.ElementType.Name}, expected uint8 (NHWC 0-255).");
        var expectedInput = new[] { -1, _options.Height, _options.Width, 3 };
        if (!ShapeFits(input.Dimensions, expectedInput))
            throw new PlateModelException($"OCR model input '{_options.InputName}' has shape [{string.Join(",", input.Dimensions)}], configured [N,{_options.Height},{_options.Width},3].");

        var outputName = string.IsNullOrEmpty(_options.OutputName) ? _session.OutputMetadata.Keys.First() : _options.OutputName;
        if (!_session.OutputMetadata.TryGetValue(outputName, out var output))
            throw new PlateModelException($"OCR model {path} has no output '{outputName}'; it has {string.Join(", ", _session.OutputMetadata.Keys)}.");
        if (output.ElementType != typeof(float))
            throw new PlateModelException($"OCR model output '{outputName}' is {output.ElementType.Name}, expected float32.");
        var expectedOutput = new[] { -1, _options.Slots, _options.Alphabet.Length };
        if (!ShapeFits(output.Dimensions, expectedOutput))
            throw new PlateModelException($"OCR model output '{outputName}' has shape [{string.Join(",", output.Dimensions)}], configured "
                + $"[N,{_options.Slots},{_options.Alphabet.Length}] ({_options.Slots} slots over the {_options.Alphabet.Length}-character alphabet).");
        return outputName;
    }

    /// <summary>Whether a model shape (with -1 or 0 for free dimensions) can carry the expected one (-1 = any).</summary>
    private static bool ShapeFits(int[] actual, int[] expected) =>
        actual.Length == expected.Length
        && actual.Zip(expected).All(pair => pair.Second < 0 || pair.First <= 0 || pair.First == pair.Second);

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
