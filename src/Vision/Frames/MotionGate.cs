using OpenCvSharp;

namespace CityTwin.Vision.Frames;

/// <summary>
/// Skips frames of a static scene: each camera's frame is shrunk, blurred and compared with the last frame that passed;
/// it passes when more than <c>threshold</c> of its pixels changed by more than a noise margin. The first frame of a
/// camera always passes. Comparing against the last PASSED frame (not the last seen) means a slow drift still
/// accumulates into a pass.
/// </summary>
public sealed class MotionGate : IDisposable
{
    private const int Width = 160;
    private const int NoiseLevel = 18;

    private readonly double _threshold;
    private readonly Dictionary<string, Mat> _reference = new(StringComparer.Ordinal);

    /// <summary>Creates a gate; a <paramref name="threshold"/> of 0 lets every frame through.</summary>
    public MotionGate(double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        _threshold = threshold;
    }

    /// <summary>Whether <paramref name="frame"/> shows enough change since the camera's last passed frame.</summary>
    public bool Passes(VideoFrame frame)
    {
        if (_threshold <= 0) return true;
        var small = Shrink(frame.Image);
        if (!_reference.TryGetValue(frame.CameraId, out var previous) || previous.Size() != small.Size())
        {
            previous?.Dispose();
            _reference[frame.CameraId] = small;
            return true;
        }

        using var diff = new Mat();
        Cv2.Absdiff(small, previous, diff);
        Cv2.Threshold(diff, diff, NoiseLevel, 255, ThresholdTypes.Binary);
        var changed = (double)Cv2.CountNonZero(diff) / (diff.Rows * diff.Cols);
        if (changed <= _threshold)
        {
            small.Dispose();
            return false;
        }
        previous.Dispose();
        _reference[frame.CameraId] = small;
        return true;
    }

    private static Mat Shrink(Mat image)
    {
        var height = Math.Max(1, image.Rows * Width / Math.Max(1, image.Cols));
        using var gray = new Mat();
        if (image.Channels() == 1) image.CopyTo(gray);
        else Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        var small = new Mat();
        Cv2.Resize(gray, small, new Size(Width, height), interpolation: InterpolationFlags.Area);
        Cv2.GaussianBlur(small, small, new Size(5, 5), 0);
        return small;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var mat in _reference.Values) mat.Dispose();
        _reference.Clear();
    }
}
