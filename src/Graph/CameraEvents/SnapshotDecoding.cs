using CityTwin.Twin.CameraEvents;
using OpenCvSharp;

namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// Whether snapshot bytes are a JPEG an operator's browser can show: first the cheap marker walk of
/// <see cref="SnapshotJpeg"/>, then a real decode by OpenCV's libjpeg, which refuses what only looks like a JPEG
/// (markers in place but no scan, broken tables, a frame of zero size).
/// </summary>
public static class SnapshotDecoding
{
    /// <summary>Null when the bytes decode as a JPEG image; otherwise why not.</summary>
    public static string? Problem(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (SnapshotJpeg.Problem(bytes) is { } marker) return marker;
        using var image = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        return image.Empty() || image.Width <= 0 || image.Height <= 0
            ? "the snapshot has JPEG markers but does not decode as an image"
            : null;
    }
}
