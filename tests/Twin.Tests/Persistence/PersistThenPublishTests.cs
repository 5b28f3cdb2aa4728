using CityTwin.Twin.Cameras;
using CityTwin.Twin.Events;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Twin.Tests.Persistence;

/// <summary>
/// A real store failure: a trigger makes PostgreSQL refuse writes to a table. The grain must publish nothing,
/// keep its old state, and succeed once the store works again. Own database, because the trigger is global.
/// </summary>
public sealed class PersistThenPublishTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private TwinTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        cluster = await TwinTestCluster.StartAsync(database);
        await TestCity.RegisterWardsAsync(cluster.Grains);
        await database.ScalarAsync("""
            CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'store refused by test'; END $$
            """);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task SetStatus_StoreFails_NothingPublishedAndStateKept()
    {
        var events = await cluster.RecordAsync(TwinStreams.Cameras);
        var camera = cluster.Grains.GetGrain<ICameraGrain>("cam-failing-store");
        await camera.RegisterAsync(TestCity.AnprCamera(TestCity.AnPhuIntersection));
        await camera.SetStatusAsync(true, DateTimeOffset.UtcNow.AddMinutes(-1));
        await database.ScalarAsync("CREATE TRIGGER refuse BEFORE UPDATE ON cameras FOR EACH ROW EXECUTE FUNCTION refuse_write()");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => camera.SetStatusAsync(false, DateTimeOffset.UtcNow));

        Assert.Contains("store refused by test", failure.ToString());
        Assert.True((await camera.GetAsync())!.Online, "the failed change was rolled back in memory");
        Assert.Empty(await events.AfterQuietPeriodAsync<CameraStatusChanged>(e => !e.Online, TimeSpan.FromSeconds(1.5)));

        await database.ScalarAsync("DROP TRIGGER refuse ON cameras");
        await camera.SetStatusAsync(false, DateTimeOffset.UtcNow);
        await events.WaitForAsync<CameraStatusChanged>(e => e.EntityId == "cam-failing-store" && !e.Online);
    }

    [Fact]
    public async Task RecordSightings_StoreFails_NothingPublishedAndRetryRecords()
    {
        var events = await cluster.RecordAsync(TwinStreams.Sightings);
        var plate = PlateNumber.Parse("59-X2 777.01");
        var vehicle = cluster.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey);
        var batch = new VehicleObservation([new SightingInput("cam-a:1", "cam-a", DateTimeOffset.UtcNow, new GeoPoint(106.75, 10.8), 0.9f)]);
        await database.ScalarAsync("CREATE TRIGGER refuse BEFORE INSERT ON sightings FOR EACH ROW EXECUTE FUNCTION refuse_write()");

        await Assert.ThrowsAnyAsync<Exception>(() => vehicle.RecordSightingsAsync(batch));

        Assert.Empty(await events.AfterQuietPeriodAsync<SightingsRecorded>(e => e.EntityId == plate.CanonicalKey, TimeSpan.FromSeconds(1.5)));
        Assert.Empty((await vehicle.GetAsync())!.RecentSightings);

        await database.ScalarAsync("DROP TRIGGER refuse ON sightings");
        var receipt = await vehicle.RecordSightingsAsync(batch);
        Assert.Equal(1, receipt.Recorded);
        await events.WaitForAsync<SightingsRecorded>(e => e.EntityId == plate.CanonicalKey);
    }
}
