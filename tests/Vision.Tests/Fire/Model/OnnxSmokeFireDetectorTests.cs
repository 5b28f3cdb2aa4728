using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Fire.Model;

/// <summary>The trained detector's contract checks: missing or malformed heads and unreadable frames give clear errors.</summary>
public sealed class OnnxSmokeFireDetectorTests : IDisposable
{
    private readonly TestHeads _heads = new();

    [Fact]
    public void Create_CommittedHead_LoadsWithThresholdsFromItsMetadata()
    {
        using var detector = new OnnxSmokeFireDetector(OnnxSmokeFireDetector.DefaultHeadPath, FireBackbone.DefaultPath);

        Assert.InRange(detector.SmokeThreshold, 0.01f, 0.99f);
        Assert.InRange(detector.FireThreshold, 0.01f, 0.99f);
    }

    [Fact]
    public void Create_MissingHead_NamesTheFile()
    {
        var error = Assert.Throws<FireModelException>(() => new OnnxSmokeFireDetector("/nonexistent/fire-head.onnx", FireBackbone.DefaultPath));
        Assert.Contains("/nonexistent/fire-head.onnx", error.Message);
    }

    [Fact]
    public void Create_HeadForOtherFeatureWidth_SaysWhatItTakes()
    {
        var error = Assert.Throws<FireModelException>(() => new OnnxSmokeFireDetector(_heads.Write("narrow", inputWidth: 100), FireBackbone.DefaultPath));
        Assert.Contains("takes", error.Message);
    }

    [Fact]
    public void Create_HeadWithThreeOutputs_RefusedAsWrongShape()
    {
        var error = Assert.Throws<FireModelException>(() => new OnnxSmokeFireDetector(_heads.Write("three", outputs: 3), FireBackbone.DefaultPath));
        Assert.Contains("[N,2]", error.Message);
    }

    [Fact]
    public void Create_HeadWithoutThresholds_SaysWhichKeyIsMissing()
    {
        var error = Assert.Throws<FireModelException>(() => new OnnxSmokeFireDetector(_heads.Write("bare", thresholds: false), FireBackbone.DefaultPath));
        Assert.Contains(OnnxSmokeFireDetector.SmokeThresholdKey, error.Message);
    }

    [Fact]
    public void Detect_HeadGivingTwiceTheRows_ThrowsWrongShapeAtRun()
    {
        using var detector = new OnnxSmokeFireDetector(_heads.Write("liar", doubledRows: true), FireBackbone.DefaultPath);
        using var frame = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(90));

        var error = Assert.Throws<FireModelException>(() => detector.Detect(frame));
        Assert.Contains("gave [28,2], expected [14,2]", error.Message);
    }

    [Fact]
    public void Detect_GreyOrEmptyFrame_InvalidFrame()
    {
        using var detector = new OnnxSmokeFireDetector(OnnxSmokeFireDetector.DefaultHeadPath, FireBackbone.DefaultPath);
        using var grey = new Mat(120, 160, MatType.CV_8UC1, Scalar.All(90));
        using var empty = new Mat();

        Assert.Throws<InvalidFrameException>(() => detector.Detect(grey));
        Assert.Throws<InvalidFrameException>(() => detector.Detect(empty));
    }

    public void Dispose() => _heads.Dispose();
}
