using CityTwin.Graph.Schema.Live;

namespace CityTwin.Graph.Tests.Live;

/// <summary>How partners see plates: province and series kept, the number reduced to its last two digits.</summary>
public sealed class PlateMaskTests
{
    [Theory]
    [InlineData("59-X1 123.45", "59-X1 ***.45")]
    [InlineData("51G-123.45", "51G-***.45")]
    [InlineData("59-L1 2345", "59-L1 **45")]
    [InlineData("51G-1234", "51G-**34")]
    [InlineData("not a plate", "*********te")]
    public void Display_Plate_NumberMaskedButLastTwoDigits(string plate, string masked) =>
        Assert.Equal(masked, PlateMask.Display(plate));

    [Theory]
    [InlineData("59X112345", "59X1***45")]
    // Without separators 51G12345 also reads as the motorbike plate 51-G1 2345; either reading keeps only "45".
    [InlineData("51G12345", "51G1**45")]
    [InlineData("X", "*")]
    public void Key_CanonicalKey_NumberMaskedButLastTwoDigits(string key, string masked) =>
        Assert.Equal(masked, PlateMask.Key(key));
}
