using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Vision.Tests.Fire;

/// <summary>Malformed fire heads written as real ONNX files, for the bad-model tests.</summary>
public sealed class TestHeads : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("citytwin-fire-heads").FullName;

    /// <summary>A head that takes <paramref name="inputWidth"/> features and really outputs <paramref name="outputs"/>
    /// scores per row while declaring <paramref name="declaredOutputs"/>; thresholds in metadata unless left out.</summary>
    public string Write(string name, int inputWidth = 512, int outputs = 2, int? declaredOutputs = null, bool thresholds = true)
    {
        var builder = new OnnxGraphBuilder()
            .Input(OnnxSmokeFireDetector.HeadInput, null, inputWidth)
            .Initializer("W", [inputWidth, outputs], new float[inputWidth * outputs])
            .Initializer("B", [outputs], new float[outputs])
            .Node("Gemm", [OnnxSmokeFireDetector.HeadInput, "W", "B"], ["logits"])
            .Node("Sigmoid", ["logits"], [OnnxSmokeFireDetector.HeadOutput])
            .Output(OnnxSmokeFireDetector.HeadOutput, null, declaredOutputs ?? outputs);
        if (thresholds)
            builder.Metadata(OnnxSmokeFireDetector.SmokeThresholdKey, "0.5").Metadata(OnnxSmokeFireDetector.FireThresholdKey, "0.5");
        var path = Path.Combine(_directory, name + ".onnx");
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
