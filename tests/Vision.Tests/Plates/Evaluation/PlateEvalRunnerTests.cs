using System.Globalization;
using System.Text.RegularExpressions;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Evaluation;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Plates.Evaluation;

/// <summary><c>citytwin eval plates</c>'s logic on the real shared datasets and on bad truth files.</summary>
public sealed class PlateEvalRunnerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("citytwin-eval-").FullName;

    [SkippableFact]
    public void Run_RealVietnameseCropsWithTheOnnxReader_PrintsEveryFigureAboveASanityFloor()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var truth = VisionTestModels.Present(VisionTestModels.VnTruth, "data/plates/vn");
        var (code, text, _) = Run(Path.GetDirectoryName(truth)!, truth, "onnx", false, model);

        Assert.Equal(0, code);
        Assert.Contains("100 plates (50 one-line, 50 two-line)", text);
        Assert.Contains("exact match after VN grammar:", text);
        Assert.Matches(@"character accuracy: \d+\.\d% \(\d+/830\)", text);
        Assert.Matches(@"speed: \d+\.\d plates/s", text);
        // The baseline reads about 80% of these crops; half is a floor any working model clears and a broken one does not.
        Assert.InRange(Percent(text, "exact match: all"), 50, 100);
        Assert.InRange(Percent(text, "two-line"), 40, 100);
    }

    [SkippableFact]
    public void Run_OpenAlprSceneFolderWithDetection_ReportsDetectionAndAccuracy()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var folder = VisionTestModels.Present(VisionTestModels.OpenAlprFolder, "data/plates/openalpr-eu");
        // Ten scenes keep the test short; the full set is run by hand for the README figures.
        var subset = Path.Combine(_folder, "truth");
        Directory.CreateDirectory(subset);
        foreach (var file in Directory.GetFiles(folder, "eu*.txt").Order().Take(10)) File.Copy(file, Path.Combine(subset, Path.GetFileName(file)));

        var (code, text, _) = Run(folder, subset, "onnx", true, model);

        Assert.Equal(0, code);
        Assert.Contains("detect + OCR, 10 plates (10 one-line, 0 two-line)", text);
        Assert.DoesNotContain("after VN grammar", text);
        Assert.InRange(Percent(text, "detected (IoU >= 0.3 with the truth box):"), 30, 100);
    }

    [Fact]
    public void Run_TsvLineWithAnUnknownLayout_ExitCode2NamingTheLine()
    {
        var truth = Write("truth.tsv", "image\tlayout\tsubset\tplate_text\na.jpg\tone_line\tcar\t51G-123.45\nb.jpg\tthree_line\tcar\t51G-123.46\n");

        var (code, _, error) = Run(_folder, truth, "onnx", false, null);

        Assert.Equal(2, code);
        Assert.Contains("truth.tsv:3", error);
        Assert.Contains("three_line", error);
    }

    [Fact]
    public void Run_OpenAlprLineWithoutABox_ExitCode2NamingTheLine()
    {
        var truth = Write("scene.txt", "scene.jpg\t10\tten\t50\t20\tAB123CD\n");

        var (code, _, error) = Run(_folder, truth, "onnx", false, null);

        Assert.Equal(2, code);
        Assert.Contains("scene.txt:1", error);
    }

    [Fact]
    public void Run_UnknownReaderName_ExitCode1WithTheChoices()
    {
        var truth = Write("truth.tsv", "image\tlayout\tsubset\tplate_text\na.jpg\tone_line\tcar\t51G-123.45\n");

        var (code, _, error) = Run(_folder, truth, "paddle", false, null);

        Assert.Equal(1, code);
        Assert.Contains("use onnx, tesseract or auto", error);
    }

    [SkippableFact]
    public void Run_ImageThatDoesNotDecode_CountedAsUnreadableMiss()
    {
        File.WriteAllBytes(Path.Combine(_folder, "broken.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 1]);
        var truth = Write("truth.tsv", "image\tlayout\tsubset\tplate_text\nbroken.jpg\ttwo_line\txemay\t59-X1 123.45\n");
        if (!File.Exists(Path.Combine(VisionTestModels.Tessdata, "eng.traineddata"))) throw new SkipException("skipped: no tessdata");

        var (code, text, _) = Run(_folder, truth, "tesseract", false, null);

        Assert.Equal(0, code);
        Assert.Contains("1 unreadable images", text);
        Assert.Contains("exact match: all 0.0% (0/1)", text);
    }

    private (int Code, string Output, string Error) Run(string images, string truth, string reader, bool detect, string? model)
    {
        var options = new PlateVisionOptions();
        options.Ocr.ModelPath = model;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = PlateEvalRunner.Run(images, truth, reader, detect, options, stdout, stderr);
        output.WriteLine(stdout.ToString());
        output.WriteLine(stderr.ToString());
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static double Percent(string text, string label)
    {
        var match = Regex.Match(text, Regex.Escape(label) + @" (\d+\.\d)%");
        Assert.True(match.Success, $"'{label}' not in:\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
