using OpenCvSharp;

namespace CityTwin.Vision.Fire.Model;

/// <summary>What every fire detector checks before it reads a frame: 8-bit BGR, at least 16×16 pixels.</summary>
public static class FrameGuard
{
    public static void Check(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.IsDisposed || frame.Empty()) throw new InvalidFrameException("the frame is empty");
        if (frame.Type() != MatType.CV_8UC3) throw new InvalidFrameException($"the frame is {frame.Type()}, expected 8-bit BGR (CV_8UC3)");
        if (frame.Width < 16 || frame.Height < 16) throw new InvalidFrameException($"the frame is {frame.Width}×{frame.Height}, under 16×16");
    }
}
