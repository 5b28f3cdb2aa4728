using CityTwin.Testing;
using CityTwin.Vision.Plates;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>Where the shared plate model and datasets are for these tests; a test that needs an absent one is skipped.</summary>
internal static class VisionTestModels
{
    public const string Tessdata = "/usr/share/tesseract-ocr/5/tessdata";

    public static string? OcrModel => SharedData.File("models", "fast-plate-ocr", "cct_xs_v1_global.onnx");

    public static string? VnTruth => SharedData.File("data", "plates", "vn", "ground_truth.tsv");

    public static string? OpenAlprFolder => SharedData.File("data", "plates", "openalpr-eu", "eu1.txt") is { } file ? Path.GetDirectoryName(file) : null;

    /// <summary>The shared OCR model; skips the test (a <c>[SkippableFact]</c>) when it is absent.</summary>
    public static string OcrModelOrSkip() => Present(OcrModel, "models/fast-plate-ocr/cct_xs_v1_global.onnx");

    /// <summary><paramref name="path"/>; skips the test (a <c>[SkippableFact]</c>) when it is null.</summary>
    public static string Present(string? path, string what) => path ?? throw new SkipException($"{SharedData.Missing}: {what}");

    /// <summary>A token that ends a test that hangs instead of letting it block the suite.</summary>
    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    /// <summary>Options reading with the shared ONNX model.</summary>
    public static PlateVisionOptions Options(string model) => new() { Reader = "onnx", Ocr = { ModelPath = model } };
}
