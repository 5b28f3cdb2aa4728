using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Tests.Plates;

// 59X11234 reads as motorbike series X1 + 1234 or as car series X + 11234; these pin down who decides.
public class PlateNumberLayoutTests
{
    [Theory]
    [InlineData("59X11234", "X1", "1234", PlateLayout.TwoLine)]
    [InlineData("59-X1 1234", "X1", "1234", PlateLayout.TwoLine)]
    [InlineData("59X1-1234", "X1", "1234", PlateLayout.TwoLine)]
    [InlineData("59 X 1 1234", "X1", "1234", PlateLayout.TwoLine)]
    [InlineData("59X-11234", "X", "11234", PlateLayout.OneLine)]
    [InlineData("59X-112.34", "X", "11234", PlateLayout.OneLine)]
    public void Parse_AmbiguousTextWithoutHint_SeparatorsDecideAndMotorbikeIsTheDefault(
        string text, string series, string number, PlateLayout layout)
    {
        var plate = PlateNumber.Parse(text);

        Assert.Equal((series, number, layout), (plate.Series, plate.Number, plate.Layout));
    }

    [Theory]
    [InlineData("59X11234", PlateLayout.OneLine, "X", "11234")]
    [InlineData("59X11234", PlateLayout.TwoLine, "X1", "1234")]
    [InlineData("59X1-1234", PlateLayout.OneLine, "X", "11234")]
    [InlineData("59X-11234", PlateLayout.TwoLine, "X1", "1234")]
    public void Parse_AmbiguousTextWithHint_HintDecides(string text, PlateLayout hint, string series, string number)
    {
        var plate = PlateNumber.Parse(text, hint);

        Assert.Equal((series, number, hint), (plate.Series, plate.Number, plate.Layout));
        Assert.Equal("59X11234", plate.CanonicalKey);
    }

    [Theory]
    [InlineData("59X112345", PlateLayout.OneLine, "X1", PlateLayout.TwoLine)]
    [InlineData("51G1234", PlateLayout.TwoLine, "G", PlateLayout.OneLine)]
    [InlineData("51R12345", PlateLayout.TwoLine, "R", PlateLayout.OneLine)]
    public void Parse_HintThatOnlyOneReadingFits_TheFittingReadingWins(
        string text, PlateLayout hint, string series, PlateLayout layout)
    {
        var plate = PlateNumber.Parse(text, hint);

        Assert.Equal((series, layout), (plate.Series, plate.Layout));
    }

    [Theory]
    [InlineData("51LD12345", PlateLayout.Unknown, PlateLayout.OneLine)]
    [InlineData("59AA12345", PlateLayout.Unknown, PlateLayout.TwoLine)]
    [InlineData("59AA-123.45", PlateLayout.Unknown, PlateLayout.OneLine)]
    [InlineData("51LD\n123.45", PlateLayout.Unknown, PlateLayout.TwoLine)]
    [InlineData("59AA12345", PlateLayout.OneLine, PlateLayout.OneLine)]
    public void Parse_TwoLetterSeries_LayoutFollowsHintThenTextThenSeries(string text, PlateLayout hint, PlateLayout layout)
    {
        var plate = PlateNumber.Parse(text, hint);

        Assert.Equal(layout, plate.Layout);
        Assert.Equal(2, plate.Series.Length);
    }
}
