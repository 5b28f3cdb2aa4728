using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Detection;
using CityTwin.Vision.Plates.Reading;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>The fast-plate-ocr model through ONNX Runtime: its layout is checked at load, and it reads real crops.</summary>
public sealed class OnnxPlateReaderTests
{
    [SkippableFact]
    public void Constructor_AlphabetShorterThanTheModelsClasses_RefusedNamingTheShape()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var options = new PlateOcrModelOptions { ModelPath = model, Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXY_" };

        var error = Assert.Throws<PlateModelException>(() => new OnnxPlateReader(options));

        Assert.Contains("[N,9,36]", error.Message);
        Assert.Contains("Identity:0", error.Message);
    }

    [SkippableFact]
    public void Constructor_ConfiguredInputSizeDiffers_RefusedNamingBothShapes()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var options = new PlateOcrModelOptions { ModelPath = model, Width = 96 };

        var error = Assert.Throws<PlateModelException>(() => new OnnxPlateReader(options));

        Assert.Contains("configured [N,64,96,3]", error.Message);
    }

    [SkippableFact]
    public void Constructor_WrongInputName_RefusedListingTheRealOnes()
    {
        var model = VisionTestModels.OcrModelOrSkip();

        var error = Assert.Throws<PlateModelException>(() => new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = model, InputName = "images" }));

        Assert.Contains("has no input 'images'; it has input", error.Message);
    }

    [Fact]
    public void Constructor_MissingFile_RefusedWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<PlateModelException>(() => new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = path }));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Constructor_FileThatIsNoModel_RefusedNotCrashed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        try
        {
            var error = Assert.Throws<PlateModelException>(() => new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = path }));
            Assert.Contains("could not be loaded", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void YoloDetector_GivenTheOcrModel_RefusedBecauseItsInputIsNotAnImageTensor()
    {
        var model = VisionTestModels.OcrModelOrSkip();

        var error = Assert.Throws<PlateModelException>(() => new OnnxYoloPlateDetector(new PlateDetectorModelOptions { ModelPath = model }));

        Assert.Contains("needs float [1,3,640,640]", error.Message);
    }

    [SkippableFact]
    public void Read_RealVietnameseCrops_ReadsOneAndTwoLinePlates()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        var truth = VisionTestModels.Present(VisionTestModels.VnTruth, "data/plates/vn");
        var folder = Path.Combine(Path.GetDirectoryName(truth)!, "images");
        using var reader = new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = model });
        // Two crops checked by eye: a two-line motorbike plate and a one-line car plate.
        using var motorbike = Cv2.ImRead(Path.Combine(folder, "10xemay1217.jpg"));
        using var car = Cv2.ImRead(Path.Combine(folder, File.ReadLines(truth).First(l => l.Contains("\tone_line\t")).Split('\t')[0]));

        var results = reader.Read([motorbike, car]);

        Assert.Equal("59L214999", results[0].Text);
        Assert.Equal(9, results[0].CharacterConfidences.Count);
        Assert.InRange(results[0].Confidence, 0.5f, 1f);
        Assert.InRange(results[1].Text.Length, 7, 9);
    }

    [SkippableFact]
    public void Read_EmptyBatch_ReturnsNothing()
    {
        var model = VisionTestModels.OcrModelOrSkip();
        using var reader = new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = model });

        Assert.Empty(reader.Read([]));
    }
}
