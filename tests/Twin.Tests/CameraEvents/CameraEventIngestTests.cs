using CityTwin.Twin.CameraEvents;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Incidents.Snapshots;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using CityTwin.Twin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Twin.Tests.CameraEvents;

/// <summary>
/// Camera events into incidents on a real cluster and PostGIS: merged by kind, place and time window, a second camera
/// triangulates, a resolved incident is not reopened, and a bad batch leaves nothing behind.
/// </summary>
[Collection(TwinClusterCollection.Name)]
public sealed class CameraEventIngestTests(TwinClusterFixture fixture) : IDisposable
{
    private static int towers;
    private readonly string snapshots = Path.Combine(Path.GetTempPath(), $"citytwin-ingest-snapshots-{Guid.NewGuid():N}");

    private CameraEventIngest Ingest() => new(fixture.Grains,
        new IncidentSnapshotStore(Options.Create(new IncidentSnapshotOptions { SnapshotRoot = snapshots })),
        fixture.Database.Services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), TimeProvider.System, NullLogger<CameraEventIngest>.Instance);

    /// <summary>A posed tower 50 m up looking east, 3.3 km from every other test's tower.</summary>
    private async Task<(string Id, GeoPoint At)> NewTowerAsync(double pan = 90)
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var id = TestCity.NewId("cam-tower");
        var at = new GeoPoint(106.60, 10.20 + 0.03 * Interlocked.Increment(ref towers));
        var camera = fixture.Grains.GetGrain<ICameraGrain>(id);
        await camera.RegisterAsync(new CameraDefinition("test tower", TestCity.AnPhu, at, CameraKind.Ptz360, 50, 0, 360, 1000));
        await camera.SetPoseAsync(new PtzPose(pan, 5, 60, 1, 1920, 1080));
        return (id, at);
    }

    private static CameraEvent Smoke(string camera, DateTimeOffset at, string key, CameraEventKind kind = CameraEventKind.Smoke) =>
        new(camera, kind, at, 0.9, key, new ImageRegion(0.48, 0.38, 0.04, 0.12));

    [Fact]
    public async Task Ingest_SameSmokeTenMinutesLater_OneIncidentTwoObservations()
    {
        var (tower, _) = await NewTowerAsync();
        var now = DateTimeOffset.UtcNow;
        var first = await Ingest().IngestAsync([Smoke(tower, now.AddMinutes(-10), "a")]);
        var again = await Ingest().IngestAsync([Smoke(tower, now, "b")]);

        Assert.Equal(first.IncidentIds[0], again.IncidentIds[0]);
        var state = await fixture.Grains.GetGrain<IIncidentGrain>(first.IncidentIds[0].ToString()).GetAsync();
        Assert.Equal(2, state!.Observations);
        Assert.Equal(now, state.LastSeenAt);
    }

    [Fact]
    public async Task Ingest_SameSmokeAfterTheMergeWindow_NewIncident()
    {
        var (tower, _) = await NewTowerAsync();
        var now = DateTimeOffset.UtcNow;
        var first = await Ingest().IngestAsync([Smoke(tower, now.AddMinutes(-45), "a")]);
        var later = await Ingest().IngestAsync([Smoke(tower, now, "b")]);
        Assert.NotEqual(first.IncidentIds[0], later.IncidentIds[0]);
    }

    [Fact]
    public async Task Ingest_OtherKindSamePlace_NewIncident()
    {
        var (tower, _) = await NewTowerAsync();
        var now = DateTimeOffset.UtcNow;
        var smoke = await Ingest().IngestAsync([Smoke(tower, now.AddMinutes(-1), "a")]);
        var dumping = await Ingest().IngestAsync([Smoke(tower, now, "b", CameraEventKind.Dumping)]);
        Assert.NotEqual(smoke.IncidentIds[0], dumping.IncidentIds[0]);
        var state = await fixture.Grains.GetGrain<IIncidentGrain>(dumping.IncidentIds[0].ToString()).GetAsync();
        Assert.Equal(IncidentKind.IllegalDumping, state!.Kind);
    }

    [Fact]
    public async Task Ingest_ResolvedIncidentSeenAgain_NewIncident()
    {
        var (tower, _) = await NewTowerAsync();
        var now = DateTimeOffset.UtcNow;
        var first = await Ingest().IngestAsync([Smoke(tower, now.AddMinutes(-5), "a")]);
        await fixture.Grains.GetGrain<IIncidentGrain>(first.IncidentIds[0].ToString()).ResolveAsync("operator", now.AddMinutes(-4), "false alarm: steam");
        var again = await Ingest().IngestAsync([Smoke(tower, now, "b")]);
        Assert.NotEqual(first.IncidentIds[0], again.IncidentIds[0]);
    }

    [Fact]
    public async Task Ingest_BatchWithOneUnknownCamera_NothingStoredNoIncident()
    {
        var (tower, _) = await NewTowerAsync();
        var result = await Ingest().IngestAsync([Smoke(tower, DateTimeOffset.UtcNow, "good"), Smoke("cam-nowhere", DateTimeOffset.UtcNow, "bad")]);

        Assert.False(result.Accepted);
        Assert.Equal((1, CameraEventErrorCodes.UnknownCamera), (result.Errors.Single().Index, result.Errors.Single().Code));
        Assert.Equal(0L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM camera_events WHERE camera_id = '{tower}'"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM incidents WHERE '{tower}' = ANY(source_camera_ids)"));
    }

    [Fact]
    public async Task Ingest_SnapshotStoredOnceOnDiskPrivate()
    {
        var (tower, _) = await NewTowerAsync();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9];
        var result = await Ingest().IngestAsync([Smoke(tower, DateTimeOffset.UtcNow, "snap") with { SnapshotJpeg = jpeg }]);
        var state = await fixture.Grains.GetGrain<IIncidentGrain>(result.IncidentIds[0].ToString()).GetAsync();

        var file = Path.Combine(snapshots, state!.SnapshotId![..2], state.SnapshotId + ".jpg");
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    public void Dispose()
    {
        if (Directory.Exists(snapshots)) Directory.Delete(snapshots, recursive: true);
    }
}
