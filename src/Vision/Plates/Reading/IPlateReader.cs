using OpenCvSharp;

namespace CityTwin.Vision.Plates.Reading;

/// <summary>Reads the characters of rectified plate crops (BGR).</summary>
public interface IPlateReader : IDisposable
{
    /// <summary>The reader's name for logs and reports (<c>onnx</c>, <c>tesseract</c>).</summary>
    string Name { get; }

    /// <summary>One result per crop, in order.</summary>
    /// <exception cref="PlateModelException">The model failed or returned output of the wrong shape.</exception>
    IReadOnlyList<PlateOcrResult> Read(IReadOnlyList<Mat> crops);
}
