using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Runtime;

/// <summary>The native parts the pipelines stand on load on this machine (OpenCV with its FFmpeg build, ONNX Runtime CPU).</summary>
public sealed class NativeRuntimeTests
{
    [Fact]
    public void OpenCv_EncodesAndDecodesJpeg_RoundTripsThePixels()
    {
        using var image = new Mat(48, 64, MatType.CV_8UC3, new Scalar(30, 120, 200));
        Cv2.ImEncode(".jpg", image, out var jpeg);
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);

        Assert.Equal(new Size(64, 48), decoded.Size());
        var pixel = decoded.At<Vec3b>(10, 10);
        // BGR order: the green and red channels survive JPEG within a few levels.
        Assert.InRange(pixel.Item1, 110, 130);
        Assert.InRange(pixel.Item2, 190, 210);
    }

    [Fact]
    public void OnnxRuntime_CpuProvider_IsAvailable()
    {
        Assert.Contains("CPUExecutionProvider", OrtEnv.Instance().GetAvailableProviders());
    }
}
