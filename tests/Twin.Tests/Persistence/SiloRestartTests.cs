using CityTwin.Twin.Cameras;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Stores;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using CityTwin.Twin.Wards;
using CityTwin.Twin.Watchlists;

namespace CityTwin.Twin.Tests.Persistence;

/// <summary>State written through one cluster is read back by a new cluster on the same database.</summary>
public sealed class SiloRestartTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase database;

    public SiloRestartTests(TestDatabase database) => this.database = database;

    [Fact]
    public async Task NewCluster_SameDatabase_StateSurvives()
    {
        var plate = PlateNumber.Parse("59-X1 123.45");
        var incidentId = Guid.NewGuid().ToString();
        var seen = DateTimeOffset.UtcNow.AddMinutes(-3);
        await using (var first = await TwinTestCluster.StartAsync(database))
        {
            await TestCity.RegisterWardsAsync(first.Grains);
            var camera = first.Grains.GetGrain<ICameraGrain>("cam-restart");
            await camera.RegisterAsync(TestCity.AnprCamera(TestCity.AnPhuIntersection));
            await camera.SetStatusAsync(true, seen);
            await first.Grains.GetGrain<IWatchlistGrain>("59").AddAsync(new WatchlistRequest("59-X1 123.45", "stolen", seen, "police"));
            await first.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).RecordSightingsAsync(
                new([new SightingInput("cam-restart:1", "cam-restart", seen, TestCity.AnPhuIntersection, 0.91f, "59-X1 123.45")]));
            var incident = first.Grains.GetGrain<IIncidentGrain>(incidentId);
            await incident.OpenAsync(new IncidentReport(IncidentKind.Fire, TestCity.AnPhuIntersection, 50, seen, ["cam-restart"], "vision", TestCity.AnPhu));
            await incident.ConfirmAsync("operator", seen.AddMinutes(1));
            await first.Grains.GetGrain<IStoreGrain>("store-restart").RegisterAsync(
                new StoreDefinition(new Places.Place("Sạp 1", TestCity.AnPhu, new GeoPoint(106.75, 10.80)), StoreKind.Retailer));
            await first.Grains.GetGrain<IStoreGrain>("store-restart").RecordLivestreamSessionAsync(new LivestreamSession("s1", "tiktok", seen, 850, 42_000_000));
        }

        await using var second = await TwinTestCluster.StartAsync(database);
        var cameraState = await second.Grains.GetGrain<ICameraGrain>("cam-restart").GetAsync();
        Assert.NotNull(cameraState);
        Assert.True(cameraState.Online);
        Assert.Equal(TestCity.AnPhuIntersection, cameraState.Location);
        Assert.Contains("cam-restart", (await second.Grains.GetGrain<IWardGrain>(TestCity.AnPhu).GetAsync())!.CameraIds);
        var vehicle = await second.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).GetAsync();
        Assert.NotNull(vehicle);
        Assert.Single(vehicle.RecentSightings);
        Assert.Equal(PlateMatchKind.Exact, vehicle.Watch?.Kind);
        var incidentState = await second.Grains.GetGrain<IIncidentGrain>(incidentId).GetAsync();
        Assert.Equal(IncidentStatus.Confirmed, incidentState!.Status);
        Assert.Equal(2, incidentState.Timeline.Count);
        var store = await second.Grains.GetGrain<IStoreGrain>("store-restart").GetAsync();
        Assert.Equal((1, 850L, 42_000_000L), (store!.LivestreamSessions, store.Orders, store.RevenueVnd));
        // A replayed session after the restart is still recognised.
        await second.Grains.GetGrain<IStoreGrain>("store-restart").RecordLivestreamSessionAsync(new LivestreamSession("s1", "tiktok", seen, 850, 42_000_000));
        Assert.Equal(1, (await second.Grains.GetGrain<IStoreGrain>("store-restart").GetAsync())!.LivestreamSessions);
    }
}
