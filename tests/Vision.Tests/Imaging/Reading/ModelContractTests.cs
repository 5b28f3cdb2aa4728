using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Preprocessing;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>The ONNX model contract, end to end with real ONNX Runtime on models built in-process.</summary>
public sealed class ModelContractTests : IDisposable
{
    private readonly ImagingFiles files = new();

    [Fact]
    public void Model_BrightImage_FindsTheBrightnessLabel()
    {
        var options = TestModels.Write(files.Folder);
        using var model = ChestXrayModel.Load(options);
        var preprocessor = new ImagePreprocessor(options);
        var window = ImagingFiles.Uniform(TestModels.Size, TestModels.Size, 0);

        var bright = model.Findings(model.Score(preprocessor.ToInput(window with { Pixels = Filled(3500) })));
        var dark = model.Findings(model.Score(preprocessor.ToInput(window with { Pixels = Filled(500) })));

        Assert.Equal([TestModels.Bright, TestModels.Always], bright.Select(f => f.Label).Order().Reverse());
        Assert.Equal([TestModels.Always], dark.Select(f => f.Label));
        Assert.Contains(TestModels.Bright, model.Critical);
        Assert.Equal(18, model.Labels.Count);
    }

    [Fact]
    public void Model_ThresholdsForAnotherVersion_RefusesWithBothVersions()
    {
        var options = TestModels.Write(files.Folder, thresholdsVersion: "densenet121-2024-01");

        var refused = Assert.Throws<ModelContractException>(() => ChestXrayModel.Load(options));

        Assert.StartsWith($"thresholds calibrated for densenet121-2024-01, model is {TestModels.Version}", refused.Message);
    }

    [Fact]
    public void Model_FileDeclaresAnotherVersion_Refuses()
    {
        var options = TestModels.Write(files.Folder, declaredVersion: "other-build");

        var refused = Assert.Throws<ModelContractException>(() => ChestXrayModel.Load(options));

        Assert.StartsWith($"the model file declares version other-build, configuration says {TestModels.Version}", refused.Message);
    }

    [Fact]
    public void Model_WrongOutputSize_RefusesNamingBothCounts()
    {
        var options = TestModels.Write(files.Folder, outputs: 14);

        var refused = Assert.Throws<ModelContractException>(() => ChestXrayModel.Load(options));

        Assert.Contains("model output scores is [1,14]; the contract is [N,18]", refused.Message);
    }

    [Fact]
    public void Model_InputSizeOtherThanConfigured_Refuses()
    {
        var options = TestModels.Write(files.Folder);
        options.InputWidth = 224;

        var refused = Assert.Throws<ModelContractException>(() => ChestXrayModel.Load(options));

        Assert.Contains("model input is [1,1,64,64]; configuration says [N,1,64,224]", refused.Message);
    }

    [Fact]
    public void Model_ThresholdMissingForALabel_Refuses()
    {
        var options = TestModels.Write(files.Folder);
        File.WriteAllText(options.ThresholdsPath, $$"""{ "modelVersion": "{{TestModels.Version}}", "thresholds": { "Pneumonia": 0.6 } }""");

        var refused = Assert.Throws<ModelContractException>(() => ChestXrayModel.Load(options));

        Assert.StartsWith("no threshold for: Atelectasis, Consolidation", refused.Message);
    }

    private static float[] Filled(float value) => Enumerable.Repeat(value, TestModels.Size * TestModels.Size).ToArray();

    public void Dispose() => files.Dispose();
}
