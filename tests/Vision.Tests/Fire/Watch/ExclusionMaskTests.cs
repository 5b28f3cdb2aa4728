using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Watch;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Fire.Watch;

/// <summary>Exclusion polygons: validation, blanking and the masked share of a region.</summary>
public sealed class ExclusionMaskTests
{
    private static readonly (double, double)[] TopHalf = [(0, 0), (1, 0), (1, 0.5), (0, 0.5)];

    [Theory]
    [InlineData("0,0 1,0", "at least 3 points")]
    [InlineData("0,0 1.5,0 1,1", "outside 0..1")]
    [InlineData("0,0 0.5,0.5 1,1", "no area")]
    [InlineData("", "at least 3 points")]
    [InlineData("0,0 x,1 1,1", "at least 3 points")]
    public void Problem_InvalidPolygon_GivesReason(string text, string reason) =>
        Assert.Contains(reason, ExclusionMask.Problem(ConfiguredExclusionMasks.Parse(text)));

    [Fact]
    public void Build_InvalidAmongValid_DrawsValidReportsInvalid()
    {
        var invalid = new List<int>();
        using var mask = ExclusionMask.Build([TopHalf, [(0, 0), (double.NaN, 1), (1, 1)]], (i, _) => invalid.Add(i));

        Assert.Equal(1, mask.Polygons);
        Assert.Equal([1], invalid);
    }

    [Fact]
    public void MaskedShare_RegionHalfUnderMask_IsAboutHalf()
    {
        using var mask = ExclusionMask.Build([TopHalf], (_, _) => { });

        Assert.InRange(mask.MaskedShare(new NormalizedBox(0.2, 0.25, 0.2, 0.5)), 0.45, 0.55);
        Assert.Equal(0, mask.MaskedShare(new NormalizedBox(0.2, 0.6, 0.2, 0.3)));
    }

    [Fact]
    public void Apply_TopHalfMask_BlanksTopKeepsBottomAndOriginal()
    {
        using var mask = ExclusionMask.Build([TopHalf], (_, _) => { });
        using var frame = new Mat(100, 200, MatType.CV_8UC3, Scalar.All(200));

        using var visible = mask.Apply(frame);

        Assert.Equal(new Vec3b(0, 0, 0), visible.At<Vec3b>(10, 100));
        Assert.Equal(new Vec3b(200, 200, 200), visible.At<Vec3b>(90, 100));
        Assert.Equal(new Vec3b(200, 200, 200), frame.At<Vec3b>(10, 100));
    }
}
