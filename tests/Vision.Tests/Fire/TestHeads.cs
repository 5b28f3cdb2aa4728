using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Vision.Tests.Fire;

/// <summary>Malformed fire heads written as real ONNX files, for the bad-model tests.</summary>
public sealed class TestHeads : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("citytwin-fire-heads").FullName;

    /// <summary>A head that takes <paramref name="inputWidth"/> features and outputs <paramref name="outputs"/> scores per
    /// row; with <paramref name="doubledRows"/> it repeats its rows (twice as many as patches at run time, which its
    /// declared shape [N,2] cannot show); thresholds in metadata unless left out.</summary>
    public string Write(string name, int inputWidth = 512, int outputs = 2, bool doubledRows = false, bool thresholds = true)
    {
        var builder = new OnnxGraphBuilder()
            .Input(OnnxSmokeFireDetector.HeadInput, null, inputWidth)
            .Initializer("W", [inputWidth, outputs], new float[inputWidth * outputs])
            .Initializer("B", [outputs], new float[outputs])
            .Node("Gemm", [OnnxSmokeFireDetector.HeadInput, "W", "B"], ["logits"])
            .Node("Sigmoid", ["logits"], [doubledRows ? "scores" : OnnxSmokeFireDetector.HeadOutput]);
        if (doubledRows) builder.Node("Concat", ["scores", "scores"], [OnnxSmokeFireDetector.HeadOutput], ("axis", 0L));
        builder.Output(OnnxSmokeFireDetector.HeadOutput, null, outputs);
        if (thresholds)
            builder.Metadata(OnnxSmokeFireDetector.SmokeThresholdKey, "0.5").Metadata(OnnxSmokeFireDetector.FireThresholdKey, "0.5");
        var path = Path.Combine(_directory, name + ".onnx");
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
