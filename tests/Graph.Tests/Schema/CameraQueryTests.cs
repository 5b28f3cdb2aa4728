using System.Text.Json;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>Camera queries on the demo city: by id, by area, by ward, by kind, near a point.</summary>
[Collection(SchemaCollection.Name)]
public sealed class CameraQueryTests(SchemaFixture fixture)
{
    [Fact]
    public async Task Camera_ById_ReturnsPlacementAndViewArea()
    {
        var result = await fixture.ExecuteAsync("""
            { camera(id: "cam-tth-ptz-01") { id kind wardCode fieldOfViewDeg location viewArea } }
            """, Callers.Operator);

        var camera = result.Data("camera");
        Assert.Equal("PTZ_360", camera.GetProperty("kind").GetString());
        Assert.Equal(SchemaSeed.TanThuanDong, camera.GetProperty("wardCode").GetString());
        Assert.Equal("Point", camera.GetProperty("location").GetProperty("type").GetString());
        var viewArea = camera.GetProperty("viewArea");
        Assert.Equal("Polygon", viewArea.GetProperty("type").GetString());
        // A 360° tower sees a disc: 64 arc vertices plus the closing one.
        Assert.Equal(65, viewArea.GetProperty("coordinates")[0].GetArrayLength());
    }

    [Fact]
    public async Task Camera_UnknownId_ReturnsNull()
    {
        var result = await fixture.ExecuteAsync("""{ camera(id: "cam-nowhere") { id } }""", Callers.Operator);
        Assert.Equal(JsonValueKind.Null, result.Data("camera").ValueKind);
    }

    [Fact]
    public async Task Cameras_InWard_ReturnsTheWardsCamerasOnly()
    {
        var result = await fixture.ExecuteAsync("""
            query($ward: String) { cameras(wardCode: $ward, first: 200) { nodes { id wardCode } } }
            """, Callers.Planner, new { ward = SchemaSeed.AnPhu });

        var nodes = result.Data("cameras.nodes").EnumerateArray().ToList();
        Assert.Equal(20, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(SchemaSeed.AnPhu, n.GetProperty("wardCode").GetString()));
    }

    [Fact]
    public async Task Cameras_InBbox_ReturnsOnlyCamerasInside()
    {
        // Tan Thuan Dong's four towers stand in this box; no other demo camera does.
        var result = await fixture.ExecuteAsync("""
            { cameras(bbox: [106.725, 10.744, 106.745, 10.770], first: 200) { nodes { id location } } }
            """, Callers.Partner);

        var nodes = result.Data("cameras.nodes").EnumerateArray().ToList();
        Assert.Equal(["cam-tth-ptz-01", "cam-tth-ptz-02", "cam-tth-ptz-03", "cam-tth-ptz-04"], nodes.Select(n => n.GetProperty("id").GetString()).Order());
        Assert.All(nodes, n =>
        {
            var c = n.GetProperty("location").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 106.725, 106.745);
            Assert.InRange(c[1].GetDouble(), 10.744, 10.770);
        });
    }

    [Fact]
    public async Task Cameras_InPolygon_MatchesTheSameAreaAsBbox()
    {
        var polygon = new { type = "Polygon", coordinates = new[] { new[] { new[] { 106.725, 10.744 }, new[] { 106.745, 10.744 }, new[] { 106.745, 10.770 }, new[] { 106.725, 10.770 }, new[] { 106.725, 10.744 } } } };
        var result = await fixture.ExecuteAsync("""
            query($area: GeoJSON) { cameras(polygon: $area, first: 200) { nodes { id } } }
            """, Callers.Operator, new { area = polygon });

        Assert.Equal(4, result.Data("cameras.nodes").GetArrayLength());
    }

    [Fact]
    public async Task Cameras_ByKind_ReturnsOnlyThatKind()
    {
        var result = await fixture.ExecuteAsync("{ cameras(kinds: [PTZ_360, OVERVIEW], first: 200) { nodes { kind } } }", Callers.Operator);

        var kinds = result.Data("cameras.nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Equal(28, kinds.Count);
        Assert.All(kinds, k => Assert.Contains(k, new[] { "PTZ_360", "OVERVIEW" }));
    }

    [Fact]
    public async Task CamerasNear_Point_ReturnsNearestFirstWithinRadius()
    {
        var result = await fixture.ExecuteAsync("""
            { camerasNear(longitude: 106.748377, latitude: 10.786615, radiusM: 600, first: 5) { nodes { id distanceM } } }
            """, Callers.Operator);

        var nodes = result.Data("camerasNear.nodes").EnumerateArray().ToList();
        Assert.Equal("cam-mct-05", nodes[0].GetProperty("id").GetString());
        Assert.True(nodes[0].GetProperty("distanceM").GetDouble() < 1);
        var distances = nodes.Select(n => n.GetProperty("distanceM").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 600));
    }

    [Fact]
    public async Task CamerasNear_PagesByPosition_WithoutRepeats()
    {
        const string query = """
            query($after: String) { camerasNear(longitude: 106.748377, latitude: 10.786615, radiusM: 2000, first: 3, after: $after) {
              nodes { id } pageInfo { hasNextPage endCursor } } }
            """;
        var first = await fixture.ExecuteAsync(query, Callers.Operator);
        var second = await fixture.ExecuteAsync(query, Callers.Operator, new { after = first.Data("camerasNear.pageInfo.endCursor").GetString() });
        var all = await fixture.ExecuteAsync(query.Replace("first: 3", "first: 6"), Callers.Operator);

        Assert.True(first.Data("camerasNear.pageInfo.hasNextPage").GetBoolean());
        var paged = first.Data("camerasNear.nodes").EnumerateArray().Concat(second.Data("camerasNear.nodes").EnumerateArray()).Select(n => n.GetProperty("id").GetString());
        Assert.Equal(all.Data("camerasNear.nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()), paged);
    }

    [Fact]
    public async Task CamerasNear_RadiusTooLarge_IsBadUserInput()
    {
        var result = await fixture.ExecuteAsync("{ camerasNear(longitude: 106.7, latitude: 10.8, radiusM: 50000) { nodes { id } } }", Callers.Operator);
        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
        Assert.Contains("radiusM", result.ErrorMessages);
    }
}
