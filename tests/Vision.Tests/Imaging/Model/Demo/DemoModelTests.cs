using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Demo;

namespace CityTwin.Vision.Tests.Imaging.Model.Demo;

/// <summary>The demo model composed on the real ResNet18 backbone and loaded through the model contract on ONNX Runtime.</summary>
public sealed class DemoModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("citytwin-demo-model-").FullName;

    [Fact]
    public void EnsureComposed_RealBackbone_LoadsAs95LabelNonClinicalModel()
    {
        var options = DemoModel.Options(new DemoModelOptions(), folder);
        DemoModel.EnsureComposed(options);

        using var model = ChestXrayModel.Load(options);

        Assert.Equal(95, model.Labels.Count);
        Assert.Equal(DemoModel.Name, model.Name);
        Assert.Equal(DemoModel.Version, model.Version);
        Assert.False(model.Clinical);
        Assert.Empty(model.Critical);
        var scores = model.Score(new float[3 * 224 * 224]);
        Assert.Equal(95, scores.Length);
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
    }

    [Fact]
    public void Compose_SameBackboneTwice_SameBytes()
    {
        var backbone = File.ReadAllBytes(DemoModel.DefaultBackbonePath);

        Assert.Equal(DemoModel.Compose(backbone, 95), DemoModel.Compose(backbone, 95));
    }

    [Fact]
    public void EnsureComposed_BackboneMissing_ContractErrorNamesIt()
    {
        var options = DemoModel.Options(new DemoModelOptions(), folder);
        var missing = Path.Combine(folder, "no-such-backbone.onnx");

        var error = Assert.Throws<ModelContractException>(() => DemoModel.EnsureComposed(options, missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(options.ModelPath));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
