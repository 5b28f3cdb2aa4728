using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Tests.Plates;

public class PlateNumberRejectTests
{
    [Theory]
    [InlineData(null, "empty")]
    [InlineData(" - . ", "empty")]
    [InlineData("51G-123.45-678901", "too long")]
    [InlineData("51G_123.45", "illegal character '_'")]
    [InlineData("51Đ-123.45", "illegal character 'Đ'")]
    [InlineData("A1G-123.45", "two-digit province code")]
    [InlineData("10A-123.45", "Unknown province code '10'")]
    [InlineData("42A-123.45", "Unknown province code '42'")]
    [InlineData("51-123.45", "Bad series")]
    [InlineData("51ABC-1234", "Bad series 'ABC'")]
    [InlineData("51I-123.45", "Bad series 'I'")]
    [InlineData("51AR-123.45", "Bad series 'AR'")]
    [InlineData("51G-123", "Bad number length")]
    [InlineData("51G-12345.67", "Bad number length")]
    [InlineData("51R-123.456", "Bad number length")]
    [InlineData("51G-12A.45", "Bad number '12A45'")]
    public void TryParse_InvalidText_FailsWithTheReason(string? text, string reason)
    {
        var parsed = PlateNumber.TryParse(text, out var plate, out var error);

        Assert.False(parsed);
        Assert.Null(plate);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionWithTheReason()
    {
        var error = Assert.Throws<FormatException>(() => PlateNumber.Parse("13A-123.45", PlateLayout.OneLine));

        Assert.Contains("Unknown province code '13'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UndefinedHint_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlateNumber.TryParse("51G-123.45", (PlateLayout)7, out _, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PlateNumber.Parse(null!));
    }
}
