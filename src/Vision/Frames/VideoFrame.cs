using OpenCvSharp;

namespace CityTwin.Vision.Frames;

/// <summary>
/// One frame of one camera: BGR pixels and the time it shows (the camera's clock, or a simulated one). The frame owns
/// its <see cref="Image"/>; whoever receives it disposes it.
/// </summary>
/// <param name="CameraId">The twin camera the frame comes from.</param>
/// <param name="Time">When the frame was taken.</param>
/// <param name="Index">The frame's position in its source, from 0.</param>
/// <param name="Image">BGR 8-bit pixels; may be empty when the source could not decode the frame.</param>
public sealed record VideoFrame(string CameraId, DateTimeOffset Time, long Index, Mat Image) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Image.Dispose();
}
