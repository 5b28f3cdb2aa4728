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
    /// <summary>The window used for a frame: its own (first) window when it has a usable one, else min..max.</summary>
    public static VoiWindow WindowOf(DecodedFrame frame, Mat modality)
    {
        if (frame.WindowCenter is { } center && frame.WindowWidth is { } width && width > 0)
            return new VoiWindow(center, width, frame.VoiLutFunction is "SIGMOID" or "LINEAR_EXACT" ? frame.VoiLutFunction : "LINEAR");
        modality.MinMaxLoc(out double min, out double max);
        // A flat image has no range; any window maps it to mid grey rather than dividing by zero.
        var range = Math.Max(max - min, 1e-6);
        return new VoiWindow(min + range / 2, range, "LINEAR_EXACT");
    }

    /// <summary>Display values in [0,1] at full resolution, bright = dense (MONOCHROME1 already inverted). CV_32FC1.</summary>
    public static Mat Display(DecodedFrame frame)
    {
        using var stored = Mat.FromPixelData(frame.Rows, frame.Columns, MatType.CV_32FC1, frame.Pixels);
        var modality = new Mat();
        stored.ConvertTo(modality, MatType.CV_32FC1, frame.RescaleSlope, frame.RescaleIntercept);
        var window = WindowOf(frame, modality);
        var display = ApplyWindow(modality, window);
        modality.Dispose();
        if (frame.PhotometricInterpretation == "MONOCHROME1")
        {
            // MONOCHROME1: the minimum is white. Invert so the model always sees bone bright.
            using var inverted = new Mat();
            Cv2.Subtract(Scalar.All(1.0), display, inverted);
            inverted.CopyTo(display);
        }
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

    private static Mat ApplyWindow(Mat modality, VoiWindow window)
    {
        var display = new Mat();
        switch (window.Function)
        {
            case "SIGMOID":
                // 1 / (1 + exp(-4 (x - c) / w))
                using (var exponent = new Mat())
                {
                    modality.ConvertTo(exponent, MatType.CV_32FC1, -4.0 / window.Width, 4.0 * window.Center / window.Width);
                    Cv2.Exp(exponent, exponent);
                    Cv2.Add(exponent, Scalar.All(1.0), exponent);
                    Cv2.Divide(1.0, exponent, display);
                }
                return display;
            case "LINEAR_EXACT":
                modality.ConvertTo(display, MatType.CV_32FC1, 1.0 / window.Width, 0.5 - window.Center / window.Width);
                break;
            default:
                if (window.Width <= 1)
                {
                    Cv2.Threshold(modality, display, window.Center - 0.5, 1.0, ThresholdTypes.Binary);
                    return display;
                }
                modality.ConvertTo(display, MatType.CV_32FC1, 1.0 / (window.Width - 1), 0.5 - (window.Center - 0.5) / (window.Width - 1));
                break;
        }
        Cv2.Max(display, 0.0, display);
        Cv2.Min(display, 1.0, display);
        return display;
    }
}
