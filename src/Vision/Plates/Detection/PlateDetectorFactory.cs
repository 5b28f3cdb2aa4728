namespace CityTwin.Vision.Plates.Detection;

/// <summary>The ONNX YOLO detector when a model path is configured, otherwise the classical OpenCV one.</summary>
public static class PlateDetectorFactory
{
    /// <summary>Creates the configured detector.</summary>
    /// <exception cref="PlateModelException">The configured model is missing or has an unsupported layout.</exception>
    public static IPlateDetector Create(PlateDetectorModelOptions options, int threads = 1) =>
        string.IsNullOrWhiteSpace(options.ModelPath) ? new ClassicalPlateDetector() : new OnnxYoloPlateDetector(options, threads);
}
