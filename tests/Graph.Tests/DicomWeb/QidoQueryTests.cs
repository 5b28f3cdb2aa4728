using CityTwin.Graph.DicomWeb;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>What QIDO-RS accepts as a query, and the reason it gives for what it refuses.</summary>
public sealed class QidoQueryTests
{
    private static (QidoQuery? Query, string? Problem) Parse(string level, params (string Key, string Value)[] pairs) =>
        QidoQuery.Parse(new QueryCollection(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value))), level);

    [Theory]
    [InlineData("study")]
    [InlineData("series")]
    [InlineData("instance")]
    public void Parse_PatientIdPatternAtEveryLevel_Kept(string level)
    {
        var (query, problem) = Parse(level, ("PatientID", "ab12*"), ("limit", "5"), ("offset", "10"));

        Assert.Null(problem);
        Assert.Equal(("ab12*", 5, 10), (query!.PatientId, query.Limit, query.Offset));
    }

    [Fact]
    public void Parse_PatientIdByTag_SameAsKeyword() => Assert.Equal("x?z", Parse("study", ("00100020", "x?z")).Query!.PatientId);

    [Theory]
    [InlineData("StudyDate", "20200101-20201231", "'StudyDate' is not indexed here")]
    [InlineData("ModalitiesInStudy", "DX", "'ModalitiesInStudy' is not indexed here")]
    [InlineData("AccessionNumber", "A1*", "'AccessionNumber' is not indexed here")]
    [InlineData("PatientID", "a\\b", "is not a single LO value")]
    [InlineData("FavouriteColour", "red", "unknown or unsupported query attribute 'FavouriteColour'")]
    [InlineData("StudyInstanceUID", "1.2.x", "is not a UID")]
    [InlineData("includefield", "PatientName", "is not an attribute served here")]
    public void Parse_UnsupportedOrMalformed_RefusedWithReason(string key, string value, string reason)
    {
        var (query, problem) = Parse("study", (key, value));

        Assert.Null(query);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Parse_PatientIdTooLong_Refused() =>
        Assert.Contains("at most 64 characters", Parse("instance", ("PatientID", new string('p', 65))).Problem);
}
