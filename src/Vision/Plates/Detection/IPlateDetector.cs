using OpenCvSharp;

namespace CityTwin.Vision.Plates.Detection;

/// <summary>Finds licence plates in a BGR frame.</summary>
public interface IPlateDetector : IDisposable
{
    /// <summary>The detector's name for logs and reports.</summary>
    string Name { get; }

    /// <summary>Plate regions in <paramref name="frame"/>, best first.</summary>
    IReadOnlyList<PlateDetection> Detect(Mat frame);
}
