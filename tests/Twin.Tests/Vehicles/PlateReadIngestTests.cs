using CityTwin.Testing;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Events;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Reads;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityTwin.Twin.Tests.Vehicles;

[Collection(TwinClusterCollection.Name)]
public sealed class PlateReadIngestTests(TwinClusterFixture fixture)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
    private static int plateCounter = Random.Shared.Next(10_000, 60_000);

    private static PlateNumber NewPlate() => PlateNumber.Parse($"59-X7 {Interlocked.Increment(ref plateCounter):00000}");

    private PlateReadIngest Ingest() =>
        new(fixture.Grains, new PlateCropStore(fixture.Database.DataSource), TimeProvider.System, NullLogger<PlateReadIngest>.Instance);

    private async Task<(string Id, GeoPoint At)> NewCameraAsync(double lon = 106.7519, double lat = 10.8025)
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var id = TestCity.NewId("cam-read");
        var at = new GeoPoint(lon, lat);
        await fixture.Grains.GetGrain<ICameraGrain>(id).RegisterAsync(TestCity.AnprCamera(at));
        return (id, at);
    }

    private static PlateRead Read(string camera, PlateNumber plate, string key, byte[]? crop = null, DateTimeOffset? at = null) =>
        new(camera, at ?? DateTimeOffset.UtcNow.AddSeconds(-20), plate.Display, 0.91f, key, crop);

    private Task<object?> SightingCountAsync(PlateNumber plate) =>
        fixture.Database.ScalarAsync($"SELECT count(*) FROM sightings WHERE plate_key = '{plate.CanonicalKey}'");

    [Fact]
    public async Task Ingest_ValidBatch_RecordsSightingsAtTheCameraPosition()
    {
        var (camera, at) = await NewCameraAsync();
        var (a, b) = (NewPlate(), NewPlate());

        var result = await Ingest().IngestAsync([Read(camera, a, "k1"), Read(camera, b, "k2"), Read(camera, a, "k3")]);

        Assert.True(result.Accepted);
        Assert.Equal((3, 0), (result.Recorded, result.Duplicates));
        Assert.Equal(2L, await SightingCountAsync(a));
        var snapshot = await fixture.Grains.GetGrain<IVehicleGrain>(a.CanonicalKey).GetAsync();
        Assert.All(snapshot!.RecentSightings, s => Assert.Equal(at, s.Location));
        Assert.Contains(snapshot.RecentSightings, s => s.DetectionId == $"{camera}:k1");
    }

    [Fact]
    public async Task Ingest_ReplayedBatch_RecordsNothingTwice()
    {
        var (camera, _) = await NewCameraAsync();
        var plate = NewPlate();
        var batch = new[] { Read(camera, plate, "r1"), Read(camera, plate, "r2", Jpeg) };

        var first = await Ingest().IngestAsync(batch);
        var replay = await Ingest().IngestAsync(batch);

        Assert.Equal((2, 0), (first.Recorded, first.Duplicates));
        Assert.Equal((0, 2), (replay.Recorded, replay.Duplicates));
        Assert.True(replay.Accepted);
        Assert.Equal(2L, await SightingCountAsync(plate));
    }

    [Fact]
    public async Task Ingest_OneMalformedRead_RefusesTheWholeBatch()
    {
        var (camera, _) = await NewCameraAsync();
        var good = NewPlate();
        var batch = new[] { Read(camera, good, "g1"), Read(camera, good, "g2") with { PlateText = "not a plate" } };

        var result = await Ingest().IngestAsync(batch);

        Assert.False(result.Accepted);
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, PlateReadErrorCodes.MalformedPlate), (error.Index, error.Code));
        Assert.Equal(0L, await SightingCountAsync(good));
        Assert.Null(await fixture.Grains.GetGrain<IVehicleGrain>(good.CanonicalKey).GetAsync());
    }

    [Fact]
    public async Task Ingest_EveryKindOfBadRead_GetsItsOwnStableCode()
    {
        var (camera, _) = await NewCameraAsync();
        var (disabled, _) = await NewCameraAsync(106.7530);
        await fixture.Grains.GetGrain<ICameraGrain>(disabled).SetStatusAsync(true, DateTimeOffset.UtcNow.AddMinutes(-2));
        await fixture.Grains.GetGrain<ICameraGrain>(disabled).SetStatusAsync(false, DateTimeOffset.UtcNow.AddMinutes(-1));
        var plate = NewPlate();
        var batch = new[]
        {
            Read("cam-that-does-not-exist", plate, "x0"),
            Read(disabled, plate, "x1"),
            Read(camera, plate, "x2", at: DateTimeOffset.UtcNow.AddHours(1)),
            Read(camera, plate, "x3") with { PlateText = "59-X7 12" },
            Read(camera, plate, "x4") with { Confidence = 1.5f },
            Read(camera, plate, ""),
            Read(camera, plate, new string('k', PlateReadLimits.MaxIdempotencyKeyLength + 1)),
            Read(camera, plate, "x7", crop: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]),
            Read(camera, plate, "x8", crop: Jpeg[..^2]),
            Read(camera, plate, "x9", crop: [.. Jpeg[..4], .. new byte[PlateReadLimits.MaxCropBytes], 0xFF, 0xD9]),
            Read(camera, plate, "ok"),
        };

        var result = await Ingest().IngestAsync(batch);

        Assert.Equal(
            [
                (0, PlateReadErrorCodes.UnknownCamera), (1, PlateReadErrorCodes.CameraDisabled), (2, PlateReadErrorCodes.FutureRead),
                (3, PlateReadErrorCodes.MalformedPlate), (4, PlateReadErrorCodes.BadConfidence), (5, PlateReadErrorCodes.BadIdempotencyKey),
                (6, PlateReadErrorCodes.BadIdempotencyKey), (7, PlateReadErrorCodes.BadCrop), (8, PlateReadErrorCodes.BadCrop),
                (9, PlateReadErrorCodes.BadCrop),
            ],
            result.Errors.Select(e => (e.Index, e.Code)));
        Assert.All(result.Errors, e => Assert.StartsWith($"read {e.Index}: ", e.Message));
        Assert.Equal(0L, await SightingCountAsync(plate));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PlateReadLimits.MaxBatch + 1)]
    public async Task Ingest_EmptyOrOversizedBatch_IsRefusedAsABatch(int count)
    {
        var (camera, _) = await NewCameraAsync();
        var plate = NewPlate();

        var result = await Ingest().IngestAsync(Enumerable.Range(0, count).Select(i => Read(camera, plate, $"b{i}")).ToList());

        var error = Assert.Single(result.Errors);
        Assert.Equal((-1, PlateReadErrorCodes.BadBatch), (error.Index, error.Code));
        Assert.Equal(0L, await SightingCountAsync(plate));
    }

    [Fact]
    public async Task Ingest_WatchedPlateWithCrop_HitNamesTheStoredCrop()
    {
        var alerts = await fixture.Cluster.RecordAsync(TwinStreams.Alerts);
        var (camera, _) = await NewCameraAsync();
        var plate = NewPlate();
        await fixture.Grains.GetGrain<Watchlists.IWatchlistGrain>(plate.ProvinceCode).AddAsync(
            new Watchlists.WatchlistRequest(plate.Display, "stolen motorbike", DateTimeOffset.UtcNow.AddMinutes(-5), "An Phú ward police", TestCity.AnPhu));
        var crop = (byte[])[.. Jpeg[..^2], (byte)plateCounter, 0xFF, 0xD9];

        await Ingest().IngestAsync([Read(camera, plate, "hit", crop)]);

        var hit = await alerts.WaitForAsync<WatchlistHit>(h => h.EntityId == plate.CanonicalKey);
        Assert.Equal(JpegCrop.IdOf(crop), hit.CropId);
        var stored = await new PlateCropStore(fixture.Database.DataSource).FindAsync(hit.CropId!);
        Assert.Equal(crop, stored!.Jpeg);
        Assert.Equal(plate.CanonicalKey, stored.PlateKey);
    }

    [Fact]
    public async Task Ingest_CameraNeverReported_ComesOnlineWithItsFirstRead()
    {
        var (camera, _) = await NewCameraAsync();
        Assert.False((await fixture.Grains.GetGrain<ICameraGrain>(camera).GetAsync())!.Online);

        await Ingest().IngestAsync([Read(camera, NewPlate(), "first")]);

        Assert.True((await fixture.Grains.GetGrain<ICameraGrain>(camera).GetAsync())!.Online);
    }

    [Fact]
    public async Task Ingest_ReadsAtTwoCameras_VehicleRouteHasSpeedHeadingAndTheCameraAhead()
    {
        // A row of cameras eastward along 10.86 N, away from the other tests' cameras; no roads are loaded here.
        var (first, firstAt) = await NewCameraAsync(106.800, 10.86);
        var (second, secondAt) = await NewCameraAsync(106.805, 10.86);
        var (ahead, _) = await NewCameraAsync(106.812, 10.86);
        var plate = NewPlate();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);

        await Ingest().IngestAsync([Read(first, plate, "p1", at: t0), Read(second, plate, "p2", at: t0.AddSeconds(45))]);
        var route = await fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).GetRouteAsync();

        Assert.Equal([first, second], route!.Points.Select(p => p.CameraId));
        Assert.Equal(MetricProjection.DistanceMetres(firstAt, secondAt) / 45 * 3.6, route.SpeedKmh!.Value, precision: 0);
        Assert.InRange(route.HeadingDegrees!.Value, 89, 91);
        Assert.Equal(ahead, route.NextCameras[0].CameraId);
        Assert.False(route.MatchedToRoads);
    }
}
