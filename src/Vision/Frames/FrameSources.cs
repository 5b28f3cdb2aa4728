using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace CityTwin.Vision.Frames;

/// <summary>Picks the frame source for a camera's configured location: a folder, a video file, or a network stream.</summary>
public static class FrameSources
{
    /// <summary>
    /// A folder gives <see cref="ImageFolderFrameSource"/> (one frame a second from <paramref name="start"/>), an
    /// rtsp/http(s)/rtmp URL gives <see cref="FfmpegStreamFrameSource"/> scaled to <paramref name="streamSize"/>, anything
    /// else is a video file for <see cref="VideoCaptureFrameSource"/>.
    /// </summary>
    public static IFrameSource Open(string location, string cameraId, Size streamSize, DateTimeOffset start,
        ReconnectPolicy? policy = null, VisionMetrics? metrics = null, ILogger? logger = null)
    {
        if (Directory.Exists(location)) return new ImageFolderFrameSource(location, cameraId, start, TimeSpan.FromSeconds(1), metrics, logger);
        return IsLiveStream(location)
            ? new FfmpegStreamFrameSource(location, cameraId, streamSize, policy, null, metrics, logger)
            : new VideoCaptureFrameSource(location, cameraId, policy, start, null, metrics, logger);
    }

    /// <summary>Whether <paramref name="location"/> is a network stream URL (rtsp, rtsps, http, https, rtmp) rather than a file or folder.</summary>
    public static bool IsLiveStream(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "rtsp" or "rtsps" or "http" or "https" or "rtmp";
}
