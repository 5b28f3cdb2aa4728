namespace CityTwin.Vision.Plates.Reading;

/// <summary>Creates the configured OCR reader: <c>onnx</c>, <c>tesseract</c>, or <c>auto</c> (ONNX when its model exists).</summary>
public static class PlateReaderFactory
{
    /// <summary>Creates the reader <paramref name="name"/> (or <see cref="PlateVisionOptions.Reader"/> when null).</summary>
    /// <exception cref="PlateModelException">The reader cannot be created (missing model or data, wrong layout, unknown name).</exception>
    public static IPlateReader Create(PlateVisionOptions options, string? name = null, int threads = 1)
    {
        var reader = (name ?? options.Reader).Trim().ToLowerInvariant();
        return reader switch
        {
            "onnx" => new OnnxPlateReader(options.Ocr, threads),
            "tesseract" => new TesseractPlateReader(options.TessdataPath),
            "auto" => File.Exists(options.Ocr.ResolveModelPath())
                ? new OnnxPlateReader(options.Ocr, threads)
                : new TesseractPlateReader(options.TessdataPath),
            _ => throw new PlateModelException($"Unknown plate reader '{reader}': use onnx, tesseract or auto."),
        };
    }
}
