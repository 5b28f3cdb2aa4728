namespace CityTwin.Graph.Tests.Schema;

/// <summary>Wards with their aggregates: what planners read to find coverage gaps (story 6).</summary>
[Collection(SchemaCollection.Name)]
public sealed class WardQueryTests(SchemaFixture fixture)
{
    [Fact]
    public async Task Wards_ThuDucCity_Are34WithCameraCounts()
    {
        var result = await fixture.ExecuteAsync("""
            { wards(districtCode: "769", first: 50) { nodes { code name cameraCount } pageInfo { hasNextPage } } }
            """, Callers.Planner);

        var wards = result.Data("wards.nodes").EnumerateArray().ToList();
        Assert.Equal(34, wards.Count);
        Assert.Equal(20, wards.Single(w => w.GetProperty("code").GetString() == SchemaSeed.AnPhu).GetProperty("cameraCount").GetInt32());
        Assert.False(result.Data("wards.pageInfo.hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Wards_WithoutCameras_AreTheFiveGapsOfThuDuc()
    {
        var result = await fixture.ExecuteAsync("""{ wards(districtCode: "769", hasCameras: false) { nodes { name cameraCount } } }""", Callers.Planner);

        var names = result.Data("wards.nodes").EnumerateArray().Select(w => w.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Phường Bình Chiểu", "Phường Long Thạnh Mỹ", "Phường Tam Phú", "Phường Trường Thạnh", "Phường Tăng Nhơn Phú B"], names);
    }

    [Fact]
    public async Task Ward_ByCode_CountsOpenIncidentsAndPlaces()
    {
        var result = await fixture.ExecuteAsync("""
            { tanThuanDong: ward(code: "27466") { name openIncidentCount cameraCount clinicCount }
              binhTho: ward(code: "26824") { openIncidentCount storeCount schoolCount } }
            """, Callers.Planner);

        Assert.Equal("Phường Tân Thuận Đông", result.Data("tanThuanDong.name").GetString());
        Assert.Equal(1, result.Data("tanThuanDong.openIncidentCount").GetInt32());
        Assert.Equal(4, result.Data("tanThuanDong.cameraCount").GetInt32());
        Assert.Equal(1, result.Data("tanThuanDong.clinicCount").GetInt32());
        Assert.Equal(1, result.Data("binhTho.openIncidentCount").GetInt32());
        // Cho Thu Duc and its 14 stalls stand in Binh Tho.
        Assert.Equal(15, result.Data("binhTho.storeCount").GetInt32());
    }

    [Fact]
    public async Task Wards_InBbox_ByLabelPoint()
    {
        var result = await fixture.ExecuteAsync("{ wards(bbox: [106.73, 10.75, 106.745, 10.76]) { nodes { code labelPoint } } }", Callers.Partner);

        Assert.Equal(SchemaSeed.TanThuanDong, result.Data("wards.nodes").EnumerateArray().Single().GetProperty("code").GetString());
    }
}
