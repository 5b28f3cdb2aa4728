using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Detection;

/// <summary>
/// A YOLO plate detector in ONNX: float input [1,3,H,W] (RGB 0..1, letterboxed with grey), output either
/// [1,N,5+C] (YOLOv5: cx, cy, w, h, objectness, class scores) or [1,4+C,N] (YOLOv8/11: cx, cy, w, h, class scores),
/// told apart by which of the two last dimensions is the small one. Boxes are axis-aligned, so corners are the box's.
/// </summary>
public sealed class OnnxYoloPlateDetector : IPlateDetector
{
    private readonly InferenceSession _session;
    private readonly PlateDetectorModelOptions _options;
    private readonly string _inputName;

    /// <summary>Loads and checks the model.</summary>
    /// <exception cref="PlateModelException">The file is missing or its input is not float [1,3,H,W] as configured.</exception>
    public OnnxYoloPlateDetector(PlateDetectorModelOptions options, int threads = 1)
    {
        _options = options;
        var path = options.ModelPath ?? "";
        if (!File.Exists(path)) throw new PlateModelException($"Detector model file {path} does not exist.");
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        try
        {
            _session = new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PlateModelException($"Detector model {path} could not be loaded: {e.Message}", e);
        }
        var input = _session.InputMetadata.First();
        _inputName = input.Key;
        var dims = input.Value.Dimensions;
        if (input.Value.ElementType != typeof(float) || dims.Length != 4 || dims[1] != 3
            || (dims[2] > 0 && dims[2] != options.Height) || (dims[3] > 0 && dims[3] != options.Width))
        {
            _session.Dispose();
            throw new PlateModelException($"Detector model {path} input '{_inputName}' is {input.Value.ElementType.Name} "
                + $"[{string.Join(",", dims)}]; a YOLO detector needs float [1,3,{options.Height},{options.Width}].");
        }
    }

    /// <inheritdoc />
    public string Name => "onnx-yolo";

    /// <inheritdoc />
    public IReadOnlyList<PlateDetection> Detect(Mat frame)
    {
        if (frame.Empty()) return [];
        int width = _options.Width, height = _options.Height;
        var scale = Math.Min((double)width / frame.Cols, (double)height / frame.Rows);
        int newWidth = (int)Math.Round(frame.Cols * scale), newHeight = (int)Math.Round(frame.Rows * scale);
        int padX = (width - newWidth) / 2, padY = (height - newHeight) / 2;
        using var resized = new Mat();
        Cv2.Resize(frame, resized, new Size(newWidth, newHeight));
        using var boxed = new Mat();
        Cv2.CopyMakeBorder(resized, boxed, padY, height - newHeight - padY, padX, width - newWidth - padX, BorderTypes.Constant, new Scalar(114, 114, 114));

        var input = new DenseTensor<float>([1, 3, height, width]);
        // The letterboxed image is continuous BGR; the model wants planar RGB.
        var bytes = boxed.AsSpan<byte>();
        var planes = input.Buffer.Span;
        var plane = height * width;
        for (var i = 0; i < plane; i++)
        {
            planes[i] = bytes[i * 3 + 2] / 255f;
            planes[plane + i] = bytes[i * 3 + 1] / 255f;
            planes[2 * plane + i] = bytes[i * 3] / 255f;
        }

        using var outputs = RunModel(input);
        var tensor = outputs.First().AsTensor<float>();
        var dims = tensor.Dimensions.ToArray();
        if (dims.Length != 3 || dims[0] != 1 || Math.Min(dims[1], dims[2]) < 5)
            throw new PlateModelException($"Detector returned shape [{string.Join(",", dims)}], expected [1,N,5+C] or [1,4+C,N].");
        var channelsFirst = dims[1] < dims[2];
        var count = channelsFirst ? dims[2] : dims[1];
        var fields = channelsFirst ? dims[1] : dims[2];
        float Value(int box, int field) => channelsFirst ? tensor[0, field, box] : tensor[0, box, field];

        var found = new List<PlateDetection>();
        for (var i = 0; i < count; i++)
        {
            // v8 layout has no objectness: class scores start at field 4; v5 has objectness at 4 and classes from 5.
            var objectness = channelsFirst ? 1f : Value(i, 4);
            var firstClass = channelsFirst ? 4 : 5;
            var score = 0f;
            for (var c = firstClass; c < fields; c++)
                if (_options.PlateClass < 0 || c - firstClass == _options.PlateClass) score = Math.Max(score, Value(i, c));
            if (fields == firstClass) score = 1f;
            score *= objectness;
            if (float.IsNaN(score)) throw new PlateModelException("Detector returned NaN scores.");
            if (score < _options.ScoreThreshold) continue;
            float cx = (float)((Value(i, 0) - padX) / scale), cy = (float)((Value(i, 1) - padY) / scale);
            float w = (float)(Value(i, 2) / scale), h = (float)(Value(i, 3) / scale);
            found.Add(new PlateDetection([new(cx - w / 2, cy - h / 2), new(cx + w / 2, cy - h / 2), new(cx + w / 2, cy + h / 2), new(cx - w / 2, cy + h / 2)], score));
        }
        var kept = new List<PlateDetection>();
        foreach (var detection in found.OrderByDescending(d => d.Score))
            if (kept.All(k => PlateDetection.Iou(k.Bounds, detection.Bounds) <= _options.NmsThreshold)) kept.Add(detection);
        return kept;
    }

    private IDisposableReadOnlyCollection<DisposableNamedOnnxValue> RunModel(DenseTensor<float> input)
    {
        try
        {
            return _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PlateModelException($"Detector run failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
