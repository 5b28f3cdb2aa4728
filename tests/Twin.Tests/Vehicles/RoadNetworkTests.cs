using CityTwin.Testing;
using CityTwin.Twin.Layers;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Routes;
using CityTwin.Twin.Vehicles.Sightings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Vehicles;

/// <summary>The road graph as <see cref="RoadNetwork"/> reads it from the <c>roads</c> layer in PostGIS.</summary>
public sealed class RoadNetworkTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task GetAsync_RoadsLoaded_BuildsAJoinedGraphThatRoutesAlongThem()
    {
        var network = new RoadNetwork(database.Services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), TimeProvider.System);
        Assert.Null((await network.GetAsync()).Roads);

        // Two roads that share the corner (106.74, 10.80): east along 10.80, then north. A fresh network reads them.
        await using (var db = database.CreateContext())
        {
            db.Set<RoadRow>().AddRange(Road("test:east", (106.70, 10.80), (106.74, 10.80)), Road("test:north", (106.74, 10.80), (106.74, 10.82)));
            await db.SaveChangesAsync();
        }
        var (roads, _) = await new RoadNetwork(database.Services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), TimeProvider.System).GetAsync();

        Assert.NotNull(roads);
        Assert.Equal(3, roads.NodeCount);
        var route = VehicleRoutePlanner.Plan(
            [Seen("a", new GeoPoint(106.72, 10.8002), 0), Seen("b", new GeoPoint(106.7401, 10.81), 90)], roads, []);
        Assert.True(route.MatchedToRoads);
        Assert.Contains(route.Line, p => Math.Abs(p.Longitude - 106.74) < 1e-5 && Math.Abs(p.Latitude - 10.80) < 1e-5);
    }

    private static RoadRow Road(string id, params (double Lon, double Lat)[] points) => new()
    {
        SourceId = id,
        Name = id,
        Geometry = GeoFactory.Wgs84.CreateMultiLineString([GeoFactory.Wgs84.CreateLineString(points.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray())]),
        ImportedAt = DateTimeOffset.UtcNow,
    };

    private static SightingInput Seen(string camera, GeoPoint at, double seconds) =>
        new($"{camera}:{seconds}", camera, DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(seconds), at, 0.9f);
}
