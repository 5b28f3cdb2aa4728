using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Tests.Plates;

public class PlateMatcherTests
{
    [Fact]
    public void Match_EqualKeys_IsExact()
    {
        var match = PlateMatcher.Match("59X112345", "59X112345");

        Assert.Equal(PlateMatchKind.Exact, match.Kind);
        Assert.Null(match.Position);
        Assert.True(match.IsMatch);
    }

    [Theory]
    [InlineData("59X1D2345", "59X102345", 4)]
    [InlineData("59X1B2345", "59X182345", 4)]
    [InlineData("59XI12345", "59X112345", 3)]
    [InlineData("59X11234S", "59X112345", 8)]
    [InlineData("59X11Z345", "59X112345", 5)]
    public void Match_OneConfusablePairAfterTheProvince_IsOneConfusionAtThatPositionBothWays(
        string misread, string watched, int position)
    {
        Assert.Equal(PlateMatch.OneConfusionAt(position), PlateMatcher.Match(misread, watched));
        Assert.Equal(PlateMatch.OneConfusionAt(position), PlateMatcher.Match(watched, misread));
    }

    [Theory]
    [InlineData("59XI1Z345", "59X112345")]
    [InlineData("59X112346", "59X112345")]
    [InlineData("52G12345", "51G12345")]
    [InlineData("50G12345", "58G12345")]
    [InlineData("51G1234", "51G12345")]
    [InlineData("59X11234", "59X112345")]
    public void Match_TwoDifferencesOtherProvinceOrOtherLength_IsNone(string candidate, string watched)
    {
        var match = PlateMatcher.Match(candidate, watched);

        Assert.Equal(PlateMatch.None, match);
        Assert.False(match.IsMatch);
    }

    [Theory]
    [InlineData("S9X112345")]
    [InlineData("59x112345")]
    [InlineData("59-X1-123.45")]
    [InlineData("59X123")]
    [InlineData("59X11234567")]
    [InlineData("")]
    public void Match_KeyThatIsNotCanonical_ThrowsArgumentExceptionNamingIt(string key)
    {
        var asCandidate = Assert.Throws<ArgumentException>(() => PlateMatcher.Match(key, "59X112345"));
        var asWatched = Assert.Throws<ArgumentException>(() => PlateMatcher.Match("59X112345", key));

        Assert.Equal("candidateKey", asCandidate.ParamName);
        Assert.Equal("watchedKey", asWatched.ParamName);
    }
}
