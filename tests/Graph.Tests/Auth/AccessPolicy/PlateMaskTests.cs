using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;

namespace CityTwin.Graph.Tests.Auth.AccessPolicy;

/// <summary>The one plate mask: clear for operators, province + series + last two digits for partners, nothing for others.</summary>
public sealed class PlateMaskTests
{
    private static readonly TwinPrincipal Partner = new("mask-partner", TwinRole.Partner);
    private static readonly TwinPrincipal Operator = new("mask-operator", TwinRole.Operator);
    private static readonly TwinPrincipal Planner = new("mask-planner", TwinRole.Planner);

    [Theory]
    [InlineData("59-X1 123.45", "59-X1 ***.45")]
    [InlineData("51G-123.45", "51G-***.45")]
    [InlineData("59-L1 2345", "59-L1 **45")]
    [InlineData("51G-1234", "51G-**34")]
    // Misreads are hidden whole: "kept its last two characters" used to leak digits of what could be a real plate.
    [InlineData("not a plate", "***")]
    [InlineData("59X1-12", "***")]
    public void Display_Partner_NumberMaskedButLastTwoDigits(string plate, string masked)
    {
        Assert.Equal(masked, PlateMask.Display(Partner, plate));
        Assert.Equal(plate, PlateMask.Display(Operator, plate));
        Assert.Null(PlateMask.Display(Planner, plate));
    }

    [Theory]
    [InlineData("59X112345", null, "59X1***45")]
    [InlineData("51G12345", "51G-123.45", "51G***45")]
    [InlineData("X", null, "***")]
    public void Key_Partner_MaskedLikeTheDisplay(string key, string? display, string masked) =>
        Assert.Equal(masked, PlateMask.Key(Partner, key, display));

    [Fact]
    public void Opaque_DetectionIdWithPlate_OnlyOperatorsSeeIt()
    {
        Assert.Equal("cam-1:59X112345-1", PlateMask.Opaque(Operator, "cam-1:59X112345-1"));
        Assert.Null(PlateMask.Opaque(Partner, "cam-1:59X112345-1"));
    }
}
