namespace CityTwin.Graph.Tests.Schema;

/// <summary>Bad map areas are refused with a code and a reason, before any query runs.</summary>
[Collection(SchemaCollection.Name)]
public sealed class AreaArgumentTests(SchemaFixture fixture)
{
    private const string ByBbox = "query($bbox: [Float!]) { cameras(bbox: $bbox) { nodes { id } } }";
    private const string ByPolygon = "query($area: GeoJSON) { incidents(polygon: $area) { nodes { id } } }";

    [Theory]
    [InlineData(new[] { 106.7, 10.7, 106.8 }, "4 numbers")]
    [InlineData(new[] { 106.8, 10.7, 106.7, 10.8 }, "west < east")]
    [InlineData(new[] { 106.7, 10.7, 186.8, 10.8 }, "outside WGS84")]
    public async Task Bbox_Malformed_IsBadUserInputWithReason(double[] bbox, string reason)
    {
        var result = await fixture.ExecuteAsync(ByBbox, Callers.Operator, new { bbox });

        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
        Assert.Contains(reason, result.ErrorMessages);
    }

    [Fact]
    public async Task BboxAndPolygon_Together_AreBadUserInput()
    {
        var result = await fixture.ExecuteAsync("""
            { stores(bbox: [106.7, 10.7, 106.8, 10.8], polygon: "{\"type\":\"Polygon\",\"coordinates\":[[[106.7,10.7],[106.8,10.7],[106.8,10.8],[106.7,10.7]]]}") { nodes { id } } }
            """, Callers.Operator);

        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
        Assert.Contains("not both", result.ErrorMessages);
    }

    [Fact]
    public async Task Polygon_APoint_IsBadUserInput()
    {
        var result = await fixture.ExecuteAsync(ByPolygon, Callers.Operator, new { area = new { type = "Point", coordinates = new[] { 106.7, 10.8 } } });

        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
        Assert.Contains("Polygon or MultiPolygon", result.ErrorMessages);
    }

    [Fact]
    public async Task Polygon_SelfIntersectingVariable_IsInvalidValueWithReason()
    {
        var bowTie = new { type = "Polygon", coordinates = new[] { new[] { new[] { 106.7, 10.7 }, new[] { 106.8, 10.8 }, new[] { 106.8, 10.7 }, new[] { 106.7, 10.8 }, new[] { 106.7, 10.7 } } } };

        var result = await fixture.ExecuteAsync(ByPolygon, Callers.Operator, new { area = bowTie });

        AssertRefusedVariable(result, "not valid");
    }

    [Fact]
    public async Task Polygon_NotGeoJsonLiteral_IsRefusedWithReason()
    {
        var result = await fixture.ExecuteAsync("""{ cameras(polygon: "{\"type\":\"Polygon\"") { nodes { id } } }""", Callers.Operator);

        Assert.NotEmpty(result.ErrorCodes);
        Assert.All(result.ErrorCodes, Assert.NotNull);
        Assert.Contains("GeoJSON", result.ErrorMessages);
    }

    [Fact]
    public async Task Polygon_OutsideWgs84Variable_IsInvalidValueWithReason()
    {
        var far = new { type = "Polygon", coordinates = new[] { new[] { new[] { 500.0, 10.7 }, new[] { 501.0, 10.7 }, new[] { 501.0, 10.8 }, new[] { 500.0, 10.7 } } } };

        var result = await fixture.ExecuteAsync(ByPolygon, Callers.Operator, new { area = far });

        AssertRefusedVariable(result, "WGS84");
    }

    [Fact]
    public async Task Polygon_OutsideWgs84Variable_ReachesClientAsBadUserInputWithReason()
    {
        var far = new { type = "Polygon", coordinates = new[] { new[] { new[] { 500.0, 10.7 }, new[] { 501.0, 10.7 }, new[] { 501.0, 10.8 }, new[] { 500.0, 10.7 } } } };
        var result = await fixture.ExecuteAsync(ByPolygon, Callers.Operator, new { area = far });

        // The runner shapes errors with this provider before they leave the server.
        var info = new Execution.TwinErrorInfoProvider().GetInfo(Assert.Single(result.Result.Errors!));

        Assert.Equal("BAD_USER_INPUT", info.Extensions!["code"]);
        Assert.Contains("WGS84", info.Message);
    }

    [Fact]
    public async Task Polygon_NotGeoJsonLiteral_ReachesClientAsBadUserInput()
    {
        var result = await fixture.ExecuteAsync("{ cameras(polygon: \"{\\\"type\\\":\\\"Polygon\\\"\") { nodes { id } } }", Callers.Operator);

        var info = new Execution.TwinErrorInfoProvider().GetInfo(Assert.Single(result.Result.Errors!));

        Assert.Equal("BAD_USER_INPUT", info.Extensions!["code"]);
        Assert.Contains("GeoJSON", info.Message);
    }

    /// <summary>
    /// A variable the GeoJSON scalar refuses fails validation as INVALID_VALUE (the transport's BAD_USER_INPUT).
    /// GraphQL.NET words the message itself ("Variable '$area' is invalid...") and keeps the scalar's reason as the
    /// inner exception, which the runner's error formatter may add to the message.
    /// </summary>
    private static void AssertRefusedVariable(GraphResult result, string reason)
    {
        Assert.Equal(["INVALID_VALUE"], result.ErrorCodes);
        var error = Assert.Single(result.Result.Errors!);
        Assert.Contains("$area", error.Message);
        Assert.Contains(reason, error.InnerException?.Message);
    }
}
