using CityTwin.Testing;
using CityTwin.Vision.Plates;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>Where the shared plate model and datasets are for these tests; null when absent (the test then skips).</summary>
internal static class VisionTestModels
{
    public const string Tessdata = "/usr/share/tesseract-ocr/5/tessdata";

    public static string? OcrModel => SharedData.File("models", "fast-plate-ocr", "cct_xs_v1_global.onnx");

    public static string? VnTruth => SharedData.File("data", "plates", "vn", "ground_truth.tsv");

    public static string? OpenAlprFolder => SharedData.File("data", "plates", "openalpr-eu", "eu1.txt") is { } file ? Path.GetDirectoryName(file) : null;

    /// <summary>The shared OCR model, or null after telling the test output it is absent (xUnit 2 cannot skip at run time).</summary>
    public static string? OcrModelOrSkip(ITestOutputHelper output) => Present(OcrModel, output, "models/fast-plate-ocr/cct_xs_v1_global.onnx");

    /// <summary><paramref name="path"/>, or null after writing the skip line.</summary>
    public static string? Present(string? path, ITestOutputHelper output, string what)
    {
        if (path is null) output.WriteLine($"{SharedData.Missing}: {what}");
        return path;
    }

    /// <summary>A token that ends a test that hangs instead of letting it block the suite.</summary>
    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    /// <summary>Options reading with the shared ONNX model.</summary>
    public static PlateVisionOptions Options(string model) => new() { Reader = "onnx", Ocr = { ModelPath = model } };
}
