using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Tests.Imaging.Dicom;

/// <summary>PS3.4 wild cards as LIKE patterns: <c>*</c> and <c>?</c> become <c>%</c> and <c>_</c>; LIKE's own are literal.</summary>
public sealed class DicomWildcardTests
{
    [Theory]
    [InlineData("ab12*", "ab12%")]
    [InlineData("?b12", "_b12")]
    [InlineData("a%b_c\\d", "a\\%b\\_c\\\\d")]
    [InlineData("exact", "exact")]
    public void ToLikePattern_Patterns_EscapedForLike(string value, string expected) =>
        Assert.Equal(expected, DicomWildcard.ToLikePattern(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    public void ToLikePattern_UniversalMatching_Null(string? value) => Assert.Null(DicomWildcard.ToLikePattern(value));
}
