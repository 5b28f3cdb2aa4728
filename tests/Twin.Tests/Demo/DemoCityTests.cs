using CityTwin.Twin.Cameras;
using CityTwin.Twin.Demo;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Tests.Demo;

/// <summary>The demo city through real grains into PostGIS, and the spatial queries planners and the map rely on.</summary>
public sealed class DemoCityTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private TwinTestCluster cluster = null!;
    private DemoCityCounts counts = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        cluster = await TwinTestCluster.StartAsync(database);
        counts = await DemoCityLoader.LoadAsync(cluster.Grains, DemoCity.Load());
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Load_DemoCity_HasTheStoriesPlaces()
    {
        Assert.Equal(34L, await database.ScalarAsync("SELECT count(*) FROM wards WHERE district_code = '769'"));
        Assert.InRange(counts.Cameras, 110, 130);
        Assert.Equal((long)counts.Cameras, await database.ScalarAsync("SELECT count(*) FROM cameras"));
        Assert.True((long)(await database.ScalarAsync("SELECT count(*) FROM cameras WHERE ward_code = '27091'"))! >= 8, "An Phú needs several cameras for the stolen-motorbike story");
        Assert.True((long)(await database.ScalarAsync("SELECT count(*) FROM cameras WHERE ward_code = '27466' AND kind = 'Ptz360'"))! >= 3, "Tân Thuận Đông has 360° towers");
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM stores WHERE name LIKE '%Bến Thành%' AND kind = 'Market'"));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM schools WHERE name LIKE '%Thạnh An%'"));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM clinics WHERE name LIKE '%Thạnh An%' AND 'STORESCU' = ANY(ae_titles)"));
        // Ward aggregates match the camera rows.
        Assert.Equal(0L, await database.ScalarAsync("""
            SELECT count(*) FROM wards w
            WHERE cardinality(w.camera_ids) <> (SELECT count(*) FROM cameras c WHERE c.ward_code = w.code)
            """));
    }

    [Fact]
    public async Task Load_Twice_ChangesNothing()
    {
        var before = await database.ScalarAsync("SELECT sum(version) FROM (SELECT version FROM cameras UNION ALL SELECT version FROM wards UNION ALL SELECT version FROM stores) v");
        await DemoCityLoader.LoadAsync(cluster.Grains, DemoCity.Load());
        var after = await database.ScalarAsync("SELECT sum(version) FROM (SELECT version FROM cameras UNION ALL SELECT version FROM wards UNION ALL SELECT version FROM stores) v");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task InsideWard_TowerWardBoundary_ReturnsExactlyTheCamerasInside()
    {
        // A 1.5 km disc around the ward's label stands in for its boundary (the real polygon is imported by the importers).
        await database.ScalarAsync("""
            UPDATE wards SET boundary = ST_Multi(ST_Buffer(label_point::geography, 1500)::geometry) WHERE code = '27466'
            """);
        await using var db = database.CreateContext();
        var boundary = (await db.Set<Wards.WardRow>().SingleAsync(w => w.Code == "27466")).Boundary!;
        var expected = (await db.Set<CameraRow>().AsNoTracking().ToListAsync()).Where(c => boundary.Contains(c.Location)).Select(c => c.Id).Order().ToList();

        var inside = await db.InsideWard("27466").Select(c => c.Id).OrderBy(id => id).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, inside);
        Assert.Contains("ST_Contains", db.InsideWard("27466").ToQueryString());
    }

    [Fact]
    public async Task NearestAsync_AnPhu_MatchesBruteForceInMetres()
    {
        var point = new GeoPoint(106.7519, 10.8025);
        await using var db = database.CreateContext();
        var all = await db.Set<CameraRow>().AsNoTracking().ToListAsync();
        var expected = all.Select(c => (c.Id, Metres: MetricProjection.DistanceMetres(point, GeoPoint.From(c.Location))))
            .Where(c => c.Metres <= 1500).OrderBy(c => c.Metres).Take(5).Select(c => c.Id).ToList();

        var nearest = await db.NearestAsync(point, 1500, 5);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, nearest.Select(n => n.Camera.Id));
        Assert.Contains("ST_DWithin", db.Near(point, 1500).ToQueryString());
    }

    [Theory]
    [InlineData("inside")]
    [InlineData("near")]
    public async Task SpatialQuery_Plan_UsesGistIndexOnLocation(string query)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        // 124 rows fit in a few pages, where a sequential scan is cheapest; turning it off shows whether the index can serve the query at all.
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        var queryable = query == "inside" ? db.InsideWard("27091") : db.Near(new GeoPoint(106.75, 10.80), 800);
        await using var explain = queryable.CreateDbCommand();
        explain.CommandText = "EXPLAIN " + explain.CommandText;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains("ix_cameras_location", StringComparison.Ordinal));
    }
}
