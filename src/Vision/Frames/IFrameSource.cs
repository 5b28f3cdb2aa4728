namespace CityTwin.Vision.Frames;

/// <summary>
/// A stream of camera frames: a video file, an RTSP/HTTP stream, an image folder or synthetic traffic. A source that
/// fails logs why and ends (or retries, for live streams); it never throws out of the enumeration for bad input.
/// </summary>
public interface IFrameSource
{
    /// <summary>A short description for log lines, e.g. <c>rtsp://… (cam-01)</c>.</summary>
    string Description { get; }

    /// <summary>Yields frames in time order until the source ends or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<VideoFrame> ReadAsync(CancellationToken cancellationToken = default);
}
