using CityTwin.Testing;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Preprocessing;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>Modality LUT, VOI windowing (PS3.3 C.11.2.1.2), MONOCHROME1 inversion, resize and normalisation.</summary>
public sealed class PreprocessingTests : IDisposable
{
    private readonly ImagingFiles files = new();

    [Theory]
    [InlineData(40, 400, 40, 0.50125)] // (40 − 39.5) / 399 + 0.5
    [InlineData(40, 400, -160, 0.0)] // at the lower edge c − 0.5 − (w − 1)/2
    [InlineData(40, 400, 239.6, 1.0)] // past the upper edge
    [InlineData(40, 400, 139.25, 0.75)] // a quarter of w − 1 above the centre
    public void VoiWindow_Linear_FollowsTheStandard(double center, double width, double x, double expected) =>
        Assert.Equal(expected, new VoiWindow(center, width, "LINEAR").Apply(x), 5);

    [Fact]
    public void VoiWindow_Sigmoid_IsHalfAtTheCentreAndSteepByWidth()
    {
        var window = new VoiWindow(100, 50, "SIGMOID");
        Assert.Equal(0.5, window.Apply(100), 6);
        Assert.Equal(1 / (1 + Math.Exp(-4.0 * 25 / 50)), window.Apply(125), 6);
    }

    [SkippableFact]
    public async Task Display_KnownFileWithWindowAndRescale_MatchesTheStandardPerPixel()
    {
        var path = files.Shared("pydicom_test_files/693_J2KI.dcm");
        if (path is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1);
        var frame = (await pool.DecodeAsync(path)).Frame!;

        Assert.Equal((40, 100, -1024, 1), (frame.WindowCenter, frame.WindowWidth, frame.RescaleIntercept, frame.RescaleSlope));
        using var display = ImagePreprocessor.Display(frame);
        display.GetArray(out float[] values);
        var inside = 0;
        for (var i = 0; i < frame.Pixels.Length; i += 97)
        {
            var hu = frame.Pixels[i] - 1024.0;
            var expected = Math.Clamp((hu - 39.5) / 99 + 0.5, 0, 1);
            Assert.Equal(expected, values[i], 4);
            if (expected is > 0 and < 1) inside++;
        }
        Assert.True(inside > 10, "the sample should include pixels inside the window, not only clipped ones");
    }

    [Theory]
    [InlineData("SIGMOID", "MONOCHROME2")]
    [InlineData("SIGMOID", "MONOCHROME1")]
    [InlineData("LINEAR_EXACT", "MONOCHROME2")]
    [InlineData("LINEAR", "MONOCHROME1")]
    public void Display_EachVoiFunctionWithRescale_MatchesTheWindowFormula(string function, string photometric)
    {
        float[] stored = [0, 150, 200, 250, 400];
        var frame = ImagingFiles.Uniform(1, stored.Length, 0, photometric) with
        {
            Pixels = stored, RescaleSlope = 2, RescaleIntercept = -300, WindowCenter = 100, WindowWidth = 300, VoiLutFunction = function,
        };
        var window = new VoiWindow(100, 300, function);

        using var display = ImagePreprocessor.Display(frame);
        display.GetArray(out float[] values);

        for (var i = 0; i < stored.Length; i++)
        {
            var expected = window.Apply(2 * stored[i] - 300);
            Assert.Equal(photometric == "MONOCHROME1" ? 1 - expected : expected, values[i], 5);
        }
    }

    [Fact]
    public void Display_NoWindow_FallsBackToMinMax()
    {
        var frame = ImagingFiles.Uniform(4, 4, 100) with { WindowCenter = null, WindowWidth = null };
        frame.Pixels[0] = 0;
        frame.Pixels[15] = 400;
        using var display = ImagePreprocessor.Display(frame);
        display.GetArray(out float[] values);
        Assert.Equal(0f, values[0], 5);
        Assert.Equal(1f, values[15], 5);
        Assert.Equal(0.25f, values[1], 5);
    }

    [SkippableFact]
    public async Task Display_Monochrome1_IsTheInverseOfMonochrome2()
    {
        var path = files.Shared(ImagingFiles.NihChestXray);
        if (path is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1);
        var frame = (await pool.DecodeAsync(path)).Frame!;

        using var normal = ImagePreprocessor.Display(frame);
        using var inverted = ImagePreprocessor.Display(frame with { PhotometricInterpretation = "MONOCHROME1" });
        normal.GetArray(out float[] a);
        inverted.GetArray(out float[] b);

        Assert.Equal("MONOCHROME2", frame.PhotometricInterpretation);
        Assert.Equal(1024 * 1024, a.Length);
        Assert.All(Enumerable.Range(0, a.Length).Where(i => i % 1013 == 0), i => Assert.Equal(1f, a[i] + b[i], 5));
        Assert.NotEqual(a.Min(), a.Max());
    }

    [Fact]
    public void ToInput_XRayVisionAndMeanStd_ResizesAndScales()
    {
        var frame = ImagingFiles.Uniform(300, 200, 4095) with { WindowCenter = null, WindowWidth = null };
        frame.Pixels[0] = 0; // gives the min..max fallback a range: everything else is white

        var xrv = new ImagePreprocessor(new ModelOptions { InputWidth = 32, InputHeight = 16 }).ToInput(frame);
        var imagenet = new ImagePreprocessor(new ModelOptions
        {
            InputWidth = 8, InputHeight = 8, InputChannels = 3, Normalization = InputNormalization.MeanStd,
            Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f],
        }).ToInput(frame);

        Assert.Equal(32 * 16, xrv.Length);
        Assert.Equal(1024f, xrv[^1], 2);
        Assert.Equal(3 * 64, imagenet.Length);
        Assert.Equal((1 - 0.485f) / 0.229f, imagenet[63], 3);
        Assert.Equal((1 - 0.406f) / 0.225f, imagenet[^1], 3);
    }

    public void Dispose() => files.Dispose();
}
