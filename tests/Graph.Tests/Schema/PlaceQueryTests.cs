namespace CityTwin.Graph.Tests.Schema;

/// <summary>Stores, schools and clinics of stories 3 to 5.</summary>
[Collection(SchemaCollection.Name)]
public sealed class PlaceQueryTests(SchemaFixture fixture)
{
    [Fact]
    public async Task Stores_OfChoThuDuc_AreItsFourteenStalls()
    {
        var result = await fixture.ExecuteAsync("""{ stores(marketId: "store-cho-thu-duc", kinds: [RETAILER]) { nodes { kind marketId } } }""", Callers.Partner);

        var stores = result.Data("stores.nodes").EnumerateArray().ToList();
        Assert.Equal(14, stores.Count);
        Assert.All(stores, s => Assert.Equal("RETAILER", s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Stores_AroundBenThanh_AreTheMarketAndItsStalls()
    {
        var result = await fixture.ExecuteAsync("{ stores(bbox: [106.695, 10.770, 106.701, 10.775]) { nodes { id } } }", Callers.Partner);

        var ids = result.Data("stores.nodes").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Contains("store-cho-ben-thanh", ids);
    }

    [Fact]
    public async Task Store_ById_ReturnsCounters()
    {
        var result = await fixture.ExecuteAsync("""{ store(id: "store-cho-ben-thanh") { name kind orders revenueVnd location } }""", Callers.Partner);

        Assert.Equal("MARKET", result.Data("store.kind").GetString());
        Assert.Equal(0, result.Data("store.revenueVnd").GetInt64());
    }

    [Fact]
    public async Task Schools_Universities_AreTwo()
    {
        var result = await fixture.ExecuteAsync("{ schools(levels: [UNIVERSITY]) { nodes { id level } } }", Callers.Planner);
        Assert.Equal(2, result.Data("schools.nodes").GetArrayLength());
    }

    [Fact]
    public async Task School_ThanhAn_IsThePrimarySchoolOfStory4()
    {
        var result = await fixture.ExecuteAsync("""{ school(id: "school-th-thanh-an") { level wardCode pupils } }""", Callers.Planner);
        Assert.Equal("PRIMARY", result.Data("school.level").GetString());
        Assert.Equal("27676", result.Data("school.wardCode").GetString());
    }

    [Fact]
    public async Task Clinics_Hospitals_AreThree()
    {
        var result = await fixture.ExecuteAsync("{ clinics(kinds: [HOSPITAL]) { nodes { id kind } } }", Callers.Planner);
        Assert.Equal(3, result.Data("clinics.nodes").GetArrayLength());
    }

    [Fact]
    public async Task Clinics_InWard_ReturnsThatWardsClinics()
    {
        var result = await fixture.ExecuteAsync("""{ clinics(wardCode: "26800") { nodes { id } } }""", Callers.Partner);
        Assert.Equal(["clinic-bv-dkkv-thu-duc", "clinic-tram-y-te-linh-trung"], result.Data("clinics.nodes").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }
}
