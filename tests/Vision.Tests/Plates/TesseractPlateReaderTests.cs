using CityTwin.Twin.Plates;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Reading;
using CityTwin.Vision.Traffic;
using OpenCvSharp;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>The model-free fallback: Tesseract with Debian's tessdata, and its refusal to start without it.</summary>
public sealed class TesseractPlateReaderTests(ITestOutputHelper output)
{
    [Fact]
    public void Constructor_MissingTessdata_RefusedInsteadOfAbortingTheProcess()
    {
        var error = Assert.Throws<PlateModelException>(() => new TesseractPlateReader("/nonexistent/tessdata"));

        Assert.Contains("eng.traineddata", error.Message);
    }

    [SkippableFact]
    public void Read_CleanRenderedPlates_ReadsOneLineAndSplitsTwoLine()
    {
        var tessdata = VisionTestModels.Present(File.Exists(Path.Combine(VisionTestModels.Tessdata, "eng.traineddata")) ? VisionTestModels.Tessdata : null, "Debian tesseract-ocr-eng");
        using var reader = new TesseractPlateReader(tessdata);
        using var car = Shrunk(PlateRenderer.Render(PlateNumber.Parse("51G-123.45"), yellow: false), PlateRectifier.OneLineSize);
        using var motorbike = Shrunk(PlateRenderer.Render(PlateNumber.Parse("59-X1 678.90"), yellow: false), PlateRectifier.TwoLineSize);

        var results = reader.Read([car, motorbike]);

        output.WriteLine($"tesseract read '{results[0].Text}' and '{results[1].Text}'");
        // Tesseract is weak on plates (the eval figures say so), so only near-misses are asserted on clean renders.
        // (On the Hershey font it mixes 5/9 and G/6, so the one-line check is on the count, not the characters.)
        Assert.InRange(results[0].Characters.Length, 7, 9);
        Assert.DoesNotContain(' ', results[0].Text);
        Assert.Contains(' ', results[1].Text);
        Assert.True(CityTwin.Vision.Plates.Evaluation.PlateEvaluator.EditDistance(results[1].Characters, "59X167890") <= 2, results[1].Text);
    }

    [Fact]
    public void SplitRow_RenderedTwoLinePlate_FallsBetweenTheLines()
    {
        using var plate = PlateRenderer.Render(PlateNumber.Parse("59-X1 678.90"), yellow: false);

        var row = PlateLineSplitter.FindSplitRow(plate);

        Assert.InRange(row, plate.Rows * 0.4, plate.Rows * 0.6);
    }

    private static Mat Shrunk(Mat image, Size size)
    {
        var small = new Mat();
        Cv2.Resize(image, small, size, interpolation: InterpolationFlags.Area);
        image.Dispose();
        return small;
    }
}
