namespace CityTwin.Graph.Tests.Schema;

/// <summary>Relay paging: cursors continue lists exactly, page sizes are bounded, bad cursors are refused by code.</summary>
[Collection(SchemaCollection.Name)]
public sealed class PagingTests(SchemaFixture fixture)
{
    private const string CameraPage = """
        query($first: Int, $after: String) { cameras(first: $first, after: $after) {
          edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
        """;

    [Fact]
    public async Task Cameras_PagedToTheEnd_VisitAll124Once()
    {
        var ids = new List<string?>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var result = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first = 50, after });
            pages++;
            ids.AddRange(result.Data("cameras.edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
            Assert.Equal(result.Data("cameras.edges").EnumerateArray().LastOrDefault().GetProperty("cursor").GetString(),
                result.Data("cameras.pageInfo.endCursor").GetString());
            if (!result.Data("cameras.pageInfo.hasNextPage").GetBoolean()) break;
            after = result.Data("cameras.pageInfo.endCursor").GetString();
        }

        Assert.Equal(3, pages);
        Assert.Equal(124, ids.Count);
        Assert.Equal(124, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Cameras_EdgeCursor_ContinuesAfterThatEdge()
    {
        var page = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first = 5 });
        var third = page.Data("cameras.edges.2.cursor").GetString();

        var next = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first = 2, after = third });

        Assert.Equal(page.Data("cameras.edges.3.node.id").GetString(), next.Data("cameras.edges.0.node.id").GetString());
        Assert.False(next.Data("cameras.pageInfo.hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Cameras_FirstZero_ReturnsNoEdgesButHasNextPage()
    {
        var result = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first = 0 });

        Assert.Equal(0, result.Data("cameras.edges").GetArrayLength());
        Assert.True(result.Data("cameras.pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Data("cameras.pageInfo.endCursor").ValueKind);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public async Task Cameras_FirstOutOfRange_IsBadUserInput(int first)
    {
        var result = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first });
        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("WyJjYW1lcmFzIl0")] // ["cameras"]: the right list, but no key
    [InlineData("")]
    public async Task Cameras_MalformedCursor_IsBadCursor(string after)
    {
        var result = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first = 5, after });
        Assert.Equal(["BAD_CURSOR"], result.ErrorCodes);
    }

    [Fact]
    public async Task Cameras_CursorOfAnotherList_IsBadCursor()
    {
        var wards = await fixture.ExecuteAsync("{ wards(first: 1) { pageInfo { endCursor } } }", Callers.Operator);

        var result = await fixture.ExecuteAsync(CameraPage, Callers.Operator, new { first = 5, after = wards.Data("wards.pageInfo.endCursor").GetString() });

        Assert.Equal(["BAD_CURSOR"], result.ErrorCodes);
    }

    [Fact]
    public async Task Sightings_TamperedCursor_IsBadCursor()
    {
        // A sightings cursor whose time is not a number.
        var tampered = System.Buffers.Text.Base64Url.EncodeToString("""["sightings","soon","x"]"""u8);
        var result = await fixture.ExecuteAsync("""
            query($after: String) { vehicle(plate: "59X112345") { sightings(after: $after) { nodes { detectionId } } } }
            """, Callers.Operator, new { after = tampered });

        Assert.Equal(["BAD_CURSOR"], result.ErrorCodes);
    }
}
