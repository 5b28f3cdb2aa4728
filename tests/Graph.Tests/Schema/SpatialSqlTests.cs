using Npgsql;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>The key spatial filters reach PostGIS as index-friendly predicates, not as rows filtered in .NET.</summary>
[Collection(SchemaCollection.Name)]
public sealed class SpatialSqlTests(SchemaFixture fixture)
{
    private SqlRecorder Record() => new(new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString).Database!);

    [Fact]
    public async Task CamerasInBbox_RunsStIntersects()
    {
        using var sql = Record();
        (await fixture.ExecuteAsync("{ cameras(bbox: [106.7, 10.7, 106.8, 10.8]) { nodes { id } } }", Callers.Operator)).AssertNoErrors();

        Assert.Contains("ST_Intersects", Assert.Single(sql.Reading("cameras")));
    }

    [Fact]
    public async Task CamerasNear_RunsStDWithin()
    {
        using var sql = Record();
        (await fixture.ExecuteAsync("{ camerasNear(longitude: 106.75, latitude: 10.79, radiusM: 500) { nodes { id } } }", Callers.Operator)).AssertNoErrors();

        Assert.Contains("ST_DWithin", Assert.Single(sql.Reading("cameras")));
    }

    [Fact]
    public async Task IncidentsInPolygon_RunsStIntersectsWithTheOtherFilters()
    {
        using var sql = Record();
        (await fixture.ExecuteAsync("""
            { incidents(polygon: "{\"type\":\"Polygon\",\"coordinates\":[[[106.7,10.7],[106.8,10.7],[106.8,10.8],[106.7,10.7]]]}", kinds: [SMOKE], statuses: [DETECTED]) { nodes { id } } }
            """, Callers.Operator)).AssertNoErrors();

        var query = Assert.Single(sql.Reading("incidents"));
        Assert.Contains("ST_Intersects", query);
        Assert.Contains("ANY", query);
    }
}
