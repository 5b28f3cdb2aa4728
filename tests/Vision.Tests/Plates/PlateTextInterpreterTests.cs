using CityTwin.Twin.Plates;
using CityTwin.Vision.Plates;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>OCR text through the plate grammar: garbage is refused, look-alikes in fixed positions are mended.</summary>
public sealed class PlateTextInterpreterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("HELLO")]
    [InlineData("1234567")]
    [InlineData("46A12345")]
    [InlineData("59W12345")]
    [InlineData("59X1234567")]
    public void Interpret_Garbage_RefusedWithAReason(string text)
    {
        var plate = PlateTextInterpreter.Interpret(text, PlateLayout.Unknown, out var error);

        Assert.Null(plate);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("5IG12345", PlateLayout.OneLine, "51G12345")]
    [InlineData("S9XI123A5", PlateLayout.TwoLine, "59X112345")]
    [InlineData("5982B456", PlateLayout.OneLine, "59B28456")]
    [InlineData("51G-123.45", PlateLayout.OneLine, "51G12345")]
    public void Interpret_LookAlikesInFixedPositions_Mended(string text, PlateLayout hint, string key)
    {
        var plate = PlateTextInterpreter.Interpret(text, hint, out _);

        Assert.NotNull(plate);
        Assert.Equal(key, plate.CanonicalKey);
    }

    [Fact]
    public void Interpret_TwoLineHint_GivesMotorbikeReading()
    {
        var plate = PlateTextInterpreter.Interpret("59X112345", PlateLayout.TwoLine, out _);

        Assert.Equal("59-X1 123.45", plate!.Display);
    }
}
