using CityTwin.Vision.Frames;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Frames;

/// <summary>Frame differencing: a static scene is skipped, a change passes, each camera on its own.</summary>
public sealed class MotionGateTests
{
    [Fact]
    public void Passes_StaticSceneThenAMovingObject_SkipsOnlyTheStaticRepeat()
    {
        using var gate = new MotionGate(0.002);
        using var still = Scene(null);
        using var again = Scene(null);
        using var moved = Scene(new Rect(100, 80, 60, 40));

        Assert.True(gate.Passes(still));
        Assert.False(gate.Passes(again));
        Assert.True(gate.Passes(moved));
        // The first frame of another camera always passes, even if it looks the same.
        Assert.True(gate.Passes(still with { CameraId = "cam-2" }));
    }

    [Fact]
    public void Passes_SensorNoiseOnly_StillSkipped()
    {
        using var gate = new MotionGate(0.002);
        using var still = Scene(null);
        using var noisy = Scene(null);
        using var noise = new Mat(noisy.Image.Size(), MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(6));
        Cv2.Add(noisy.Image, noise, noisy.Image);

        gate.Passes(still);
        Assert.False(gate.Passes(noisy));
    }

    [Fact]
    public void Passes_ThresholdZero_LetsEverythingThrough()
    {
        using var gate = new MotionGate(0);
        using var still = Scene(null);

        Assert.True(gate.Passes(still));
        Assert.True(gate.Passes(still));
    }

    private static VideoFrame Scene(Rect? car)
    {
        var image = new Mat(240, 320, MatType.CV_8UC3, new Scalar(90, 95, 100));
        Cv2.Rectangle(image, new Rect(0, 0, 320, 60), new Scalar(180, 150, 120), -1);
        if (car is { } box) Cv2.Rectangle(image, box, new Scalar(20, 20, 200), -1);
        return new VideoFrame("cam-1", DateTimeOffset.UnixEpoch, 0, image);
    }
}
