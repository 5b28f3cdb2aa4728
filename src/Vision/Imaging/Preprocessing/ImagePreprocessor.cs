using CityTwin.Vision.Imaging.DecodeWorker;
using CityTwin.Vision.Imaging.Model;
using OpenCvSharp;

namespace CityTwin.Vision.Imaging.Preprocessing;

/// <summary>
/// Turns a decoded frame into model input: modality LUT (rescale slope and intercept), VOI windowing (the file's window,
/// else its min..max), MONOCHROME1 inversion so bone is always bright, resize, then the model's normalisation.
/// </summary>
public sealed class ImagePreprocessor(ModelOptions options)
{
    /// <summary>The window used for a frame: its own (first) window when it has a usable one, else min..max of its modality values.</summary>
    public static VoiWindow WindowOf(DecodedFrame frame, Mat stored)
    {
        if (frame.WindowCenter is { } center && frame.WindowWidth is { } width && width > 0)
            return new VoiWindow(center, width, frame.VoiLutFunction is "SIGMOID" or "LINEAR_EXACT" ? frame.VoiLutFunction : "LINEAR");
        stored.MinMaxLoc(out double low, out double high);
        var (a, b) = (frame.RescaleSlope * low + frame.RescaleIntercept, frame.RescaleSlope * high + frame.RescaleIntercept);
        var (min, max) = (Math.Min(a, b), Math.Max(a, b));
        // A flat image has no range; any window maps it to mid grey rather than dividing by zero.
        var range = Math.Max(max - min, 1e-6);
        return new VoiWindow(min + range / 2, range, "LINEAR_EXACT");
    }

    /// <summary>
    /// Display values in [0,1] at full resolution, bright = dense (MONOCHROME1 already inverted). CV_32FC1.
    /// The modality LUT, the window's ramp and the inversion are all affine, so they are fused into one pass over the
    /// stored values (then a clamp, or the sigmoid): a 1024×1024 radiograph is touched three times, not six.
    /// </summary>
    public static Mat Display(DecodedFrame frame)
    {
        using var stored = Mat.FromPixelData(frame.Rows, frame.Columns, MatType.CV_32FC1, frame.Pixels);
        var window = WindowOf(frame, stored);
        var invert = frame.PhotometricInterpretation == "MONOCHROME1";
        var (slope, intercept, c, w) = (frame.RescaleSlope, frame.RescaleIntercept, window.Center, window.Width);
        var display = new Mat();
        switch (window.Function)
        {
            case "SIGMOID":
            {
                // y = 1 / (1 + exp(z)), z = -4 (m - c) / w; MONOCHROME1 (1 - y) is the same with z negated.
                var sign = invert ? -1.0 : 1.0;
                using var exponent = new Mat();
                stored.ConvertTo(exponent, MatType.CV_32FC1, sign * -4.0 * slope / w, sign * -4.0 * (intercept - c) / w);
                Cv2.Exp(exponent, exponent);
                Cv2.Add(exponent, Scalar.All(1.0), exponent);
                Cv2.Divide(1.0, exponent, display);
                return display;
            }
            case "LINEAR" when w <= 1:
            {
                // A one-wide LINEAR window is a hard threshold at c − 0.5 (C.11.2.1.2.1).
                using var modality = new Mat();
                stored.ConvertTo(modality, MatType.CV_32FC1, slope, intercept);
                Cv2.Threshold(modality, display, c - 0.5, 1.0, invert ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary);
                return display;
            }
        }
        // LINEAR: (m − (c − 0.5)) / (w − 1) + 0.5; LINEAR_EXACT: (m − c) / w + 0.5; m = slope·x + intercept.
        var (scale, offset) = window.Function == "LINEAR_EXACT" ? (1.0 / w, 0.5 - c / w) : (1.0 / (w - 1), 0.5 - (c - 0.5) / (w - 1));
        var (alpha, beta) = (slope * scale, intercept * scale + offset);
        if (invert) (alpha, beta) = (-alpha, 1 - beta);
        stored.ConvertTo(display, MatType.CV_32FC1, alpha, beta);
        Cv2.Max(display, 0.0, display);
        Cv2.Min(display, 1.0, display);
        return display;
    }

    /// <summary>The NCHW input tensor data for one image, [channels × height × width].</summary>
    public float[] ToInput(DecodedFrame frame)
    {
        using var display = Display(frame);
        using var resized = new Mat();
        Cv2.Resize(display, resized, new Size(options.InputWidth, options.InputHeight), interpolation: InterpolationFlags.Area);
        var plane = options.InputWidth * options.InputHeight;
        var input = new float[options.InputChannels * plane];
        if (!resized.GetArray(out float[] pixels)) throw new InvalidOperationException("resized image is not continuous");
        for (var c = 0; c < options.InputChannels; c++)
        {
            var (scale, shift) = Normalisation(c);
            var offset = c * plane;
            for (var i = 0; i < plane; i++) input[offset + i] = pixels[i] * scale + shift;
        }
        return input;
    }

    /// <summary>y = x·scale + shift for channel <paramref name="channel"/>.</summary>
    private (float Scale, float Shift) Normalisation(int channel)
    {
        if (options.Normalization == InputNormalization.XRayVision) return (2048f, -1024f);
        var mean = options.Mean[Math.Min(channel, options.Mean.Length - 1)];
        var std = options.Std[Math.Min(channel, options.Std.Length - 1)];
        return (1f / std, -mean / std);
    }
}
