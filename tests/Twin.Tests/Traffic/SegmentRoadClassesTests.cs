using CityTwin.Testing;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Tests.Coverage;
using CityTwin.Twin.Traffic;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Traffic;

/// <summary>
/// The road class of a camera-to-camera segment on real PostGIS, over <see cref="SquareCity"/>'s roads: a 40 m wide
/// boulevard along y = 500, an alley along x = 750 from y = 600 to 800, a local street along x = 250.
/// </summary>
public sealed class SegmentRoadClassesTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private SegmentRoadClasses roads = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await SquareCity.BuildAsync(database);
        roads = new SegmentRoadClasses(database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>());
    }

    public Task DisposeAsync() => database.DisposeAsync();

    private static GeoPoint At(double x, double y) => GeoPoint.From((Point)SquareCity.At(x, y));

    [Fact]
    public async Task ClassOf_CamerasBesideTheBoulevard_Arterial()
    {
        // 400 m apart, 12 m off the centre line: the segment runs along the boulevard.
        Assert.Equal(RoadClass.Arterial, await roads.ClassOfAsync(At(300, 512), At(700, 512)));
    }

    [Fact]
    public async Task ClassOf_CamerasAtBothEndsOfTheAlley_Alley()
    {
        Assert.Equal(RoadClass.Alley, await roads.ClassOfAsync(At(752, 605), At(752, 795)));
    }

    [Fact]
    public async Task ClassOf_AlongTheLocalStreetCrossingNothingElse_Local()
    {
        Assert.Equal(RoadClass.Local, await roads.ClassOfAsync(At(255, 650), At(255, 950)));
    }

    [Fact]
    public async Task ClassOf_SegmentCrossesTheBoulevardButRunsAlongTheAlley_Alley()
    {
        // From 10 m south of the boulevard's centre up the alley: the boulevard is within reach at one end only.
        Assert.Equal(RoadClass.Alley, await roads.ClassOfAsync(At(750, 510), At(750, 800)));
    }

    [Fact]
    public async Task ClassOf_NoRoadNearby_Null()
    {
        Assert.Null(await roads.ClassOfAsync(At(500, 800), At(520, 900)));
    }
}
