using CityTwin.Twin.Plates;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Plates.Detection;
using CityTwin.Vision.Plates.Reading;
using CityTwin.Vision.Traffic;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>Models that load but return garbage (wrong shape, NaN): a clear error per run, counted, and the pipeline goes on.</summary>
public sealed class GarbageModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("citytwin-onnx-").FullName;

    [Fact]
    public void Read_ModelReturningTheWrongShape_ThrowsNamingBothShapes()
    {
        using var reader = new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = Write("wrong-shape.onnx", TinyOnnxModel.WrongShape()) });
        using var crop = new Mat(64, 128, MatType.CV_8UC3, Scalar.White);

        var error = Assert.Throws<PlateModelException>(() => reader.Read([crop, crop]));

        Assert.Contains("returned shape [2,64,384], expected [2,9,37]", error.Message);
    }

    [Fact]
    public void Read_ModelReturningNaN_ThrowsNamingTheValue()
    {
        using var reader = new OnnxPlateReader(new PlateOcrModelOptions { ModelPath = Write("nan.onnx", TinyOnnxModel.NotANumber()) });
        using var crop = new Mat(64, 128, MatType.CV_8UC3, Scalar.White);

        var error = Assert.Throws<PlateModelException>(() => reader.Read([crop]));

        Assert.Contains("returned NaN", error.Message);
    }

    [Fact]
    public async Task RunAsync_ReaderReturnsGarbage_NoReadsEveryFailureCountedNoCrash()
    {
        var options = new PlateVisionOptions { Ocr = { ModelPath = Write("wrong-shape.onnx", TinyOnnxModel.WrongShape()) } };
        using var reader = new OnnxPlateReader(options.Ocr);
        using var detector = new ClassicalPlateDetector();
        using var metrics = new VisionMetrics();
        var logger = new Frames.ListLogger();
        using var pipeline = new PlatePipeline(detector, reader, options, metrics, logger);
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions { Seed = 2, RandomConditions = false });
        traffic.AddVehicle(PlateNumber.Parse("51G-123.45"), ["cam-1", "cam-2"], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(5));
        var ingest = new CollectingPlateReadIngest();

        var summary = await pipeline.RunAsync(traffic, ingest, VisionTestModels.Timeout());

        Assert.Empty(ingest.Reads);
        Assert.True(metrics.OcrFailures >= 8, $"model failures counted: {metrics.OcrFailures}");
        Assert.Equal(metrics.FramesRead, summary.Frames);
        Assert.Contains(logger.Lines, l => l.StartsWith("Error:") && l.Contains("the reader failed") && l.Contains("returned shape"));
    }

    private string Write(string name, byte[] model)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, model);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
