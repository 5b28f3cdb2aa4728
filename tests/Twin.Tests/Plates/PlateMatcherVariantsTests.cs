using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Tests.Plates;

public class PlateMatcherVariantsTests
{
    [Theory]
    [InlineData("59X112345", new[] { "59XI12345", "59X1I2345", "59X11Z345", "59X11234S" })]
    [InlineData("51D80125", new[] { "51080125", "51DB0125", "51D8D125", "51D80I25", "51D801Z5", "51D8012S" })]
    [InlineData("59X677347", new string[0])]
    public void OneConfusionVariants_Key_AreExactlyTheSingleSubstitutionsAfterTheProvince(string key, string[] expected)
    {
        Assert.Equal(expected, PlateMatcher.OneConfusionVariants(key));
    }

    // Keys whose province digits (5, 1, 2, 8) are themselves confusable, so a variant touching them would show.
    [Theory]
    [InlineData("51G12345")]
    [InlineData("52Z08521")]
    [InlineData("58B1D0SI5")]
    [InlineData("55S512345")]
    public void OneConfusionVariants_AnyKey_KeepProvinceAndEachMatchesAsOneConfusion(string key)
    {
        var variants = PlateMatcher.OneConfusionVariants(key);

        Assert.NotEmpty(variants);
        Assert.Equal(variants.Count, variants.Distinct().Count());
        Assert.All(variants, variant =>
        {
            Assert.Equal(key[..2], variant[..2]);
            Assert.Equal(PlateMatchKind.OneConfusion, PlateMatcher.Match(variant, key).Kind);
            Assert.Equal(PlateMatchKind.OneConfusion, PlateMatcher.Match(key, variant).Kind);
        });
        Assert.Equal(key[2..].Count(c => PlateConfusions.AlternativesOf(c).Count > 0), variants.Count);
    }

    [Fact]
    public void OneConfusionVariants_ParsedPlate_IncludesTheMisreadThatMatchFinds()
    {
        var watched = PlateNumber.Parse("59-X1 123.45").CanonicalKey;

        Assert.Contains("59XI12345", PlateMatcher.OneConfusionVariants(watched));
        Assert.Equal(PlateMatchKind.OneConfusion, PlateMatcher.Match("59XI12345", watched).Kind);
    }

    [Fact]
    public void OneConfusionVariants_KeyThatIsNotCanonical_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => PlateMatcher.OneConfusionVariants("59-X1 123.45"));

        Assert.Equal("key", error.ParamName);
    }
}
