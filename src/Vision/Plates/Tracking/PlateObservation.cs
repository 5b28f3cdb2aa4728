using CityTwin.Twin.Plates;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Tracking;

/// <summary>One plate read in one frame: where it was, what the reader saw, and the rectified crop (owned by the observation).</summary>
/// <param name="CameraId">The camera of the frame.</param>
/// <param name="Time">The frame's time.</param>
/// <param name="Box">The plate's box in the frame.</param>
/// <param name="Characters">The characters read (grammar-corrected where the plate parsed), no separators.</param>
/// <param name="Confidences">One confidence per character.</param>
/// <param name="Layout">The layout from the plate's shape.</param>
/// <param name="Crop">The rectified plate crop (BGR).</param>
public sealed record PlateObservation(
    string CameraId, DateTimeOffset Time, Rect Box, string Characters, IReadOnlyList<float> Confidences, PlateLayout Layout, Mat Crop) : IDisposable
{
    /// <summary>Mean character confidence.</summary>
    public float Confidence => Confidences.Count == 0 ? 0 : Confidences.Average();

    /// <inheritdoc />
    public void Dispose() => Crop.Dispose();
}
