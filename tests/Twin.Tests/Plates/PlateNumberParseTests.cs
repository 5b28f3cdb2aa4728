using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Tests.Plates;

public class PlateNumberParseTests
{
    [Theory]
    [InlineData("51G-123.45", "51", "G", "12345", "51G12345", "51G-123.45")]
    [InlineData("51G-1234", "51", "G", "1234", "51G1234", "51G-1234")]
    [InlineData("51LD-123.45", "51", "LD", "12345", "51LD12345", "51LD-123.45")]
    [InlineData("80NG-123.45", "80", "NG", "12345", "80NG12345", "80NG-123.45")]
    [InlineData("51R-012.34", "51", "R", "01234", "51R01234", "51R-012.34")]
    public void Parse_OneLineCarText_ReadsEveryPart(
        string text, string province, string series, string number, string key, string display)
    {
        var plate = PlateNumber.Parse(text);

        Assert.Equal(province, plate.ProvinceCode);
        Assert.Equal(series, plate.Series);
        Assert.Equal(number, plate.Number);
        Assert.Equal(PlateLayout.OneLine, plate.Layout);
        Assert.Equal(key, plate.CanonicalKey);
        Assert.Equal(display, plate.Display);
    }

    [Theory]
    [InlineData("59-X1 123.45", "X1", "12345", "59X112345", "59-X1 123.45")]
    [InlineData("59-L1 2345", "L1", "2345", "59L12345", "59-L1 2345")]
    [InlineData("59-X1\n123.45", "X1", "12345", "59X112345", "59-X1 123.45")]
    [InlineData("59-X1\r\n123.45", "X1", "12345", "59X112345", "59-X1 123.45")]
    [InlineData("59-AA 123.45", "AA", "12345", "59AA12345", "59-AA 123.45")]
    public void Parse_TwoLineMotorbikeText_ReadsEveryPart(
        string text, string series, string number, string key, string display)
    {
        var plate = PlateNumber.Parse(text);

        Assert.Equal("59", plate.ProvinceCode);
        Assert.Equal(series, plate.Series);
        Assert.Equal(number, plate.Number);
        Assert.Equal(PlateLayout.TwoLine, plate.Layout);
        Assert.Equal(key, plate.CanonicalKey);
        Assert.Equal(display, plate.Display);
    }

    [Theory]
    [InlineData("  51G 123 45\t")]
    [InlineData("51g.12345")]
    [InlineData("          51G-123.45          ")]
    public void Parse_CaseSeparatorsAndPadding_GiveTheSameKey(string text)
    {
        Assert.Equal("51G12345", PlateNumber.Parse(text).CanonicalKey);
    }

    [Theory]
    [InlineData("51G-123.45")]
    [InlineData("59-L1 2345")]
    [InlineData("59AA-123.45")]
    [InlineData("80-NG 123.45")]
    public void Parse_Display_GivesThePlateBack(string text)
    {
        var plate = PlateNumber.Parse(text);

        Assert.Equal(plate, PlateNumber.Parse(plate.Display));
        Assert.Equal(plate.Display, plate.ToString());
    }

    [Theory]
    [InlineData("41A-123.45", true)]
    [InlineData("50H-123.45", true)]
    [InlineData("59-X1 123.45", true)]
    [InlineData("49A-123.45", false)]
    [InlineData("60A-123.45", false)]
    public void IsHoChiMinhCity_ProvinceCode_IsTrueOnlyFor41And50To59(string text, bool expected)
    {
        Assert.Equal(expected, PlateNumber.Parse(text).IsHoChiMinhCity);
    }
}
