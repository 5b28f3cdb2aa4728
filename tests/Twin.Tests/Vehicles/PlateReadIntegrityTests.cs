using CityTwin.Testing;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Reads;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityTwin.Twin.Tests.Vehicles;

/// <summary>What PostgreSQL would refuse is refused first, duplicates inside a batch are decided in order, and an operator's offline stands.</summary>
[Collection(TwinClusterCollection.Name)]
public sealed class PlateReadIntegrityTests(TwinClusterFixture fixture)
{
    private static int plateCounter = Random.Shared.Next(10_000, 60_000);

    private static PlateNumber NewPlate() => PlateNumber.Parse($"59-X6 {Interlocked.Increment(ref plateCounter):00000}");

    private PlateReadIngest Ingest() =>
        new(fixture.Grains, new PlateCropStore(fixture.Database.DataSource), TimeProvider.System, NullLogger<PlateReadIngest>.Instance);

    private async Task<string> NewCameraAsync()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var id = TestCity.NewId("cam-integrity");
        await fixture.Grains.GetGrain<ICameraGrain>(id).RegisterAsync(TestCity.AnprCamera(new GeoPoint(106.7519, 10.8025)));
        return id;
    }

    private static PlateRead Read(string camera, PlateNumber plate, string key, DateTimeOffset? at = null) =>
        new(camera, at ?? DateTimeOffset.UtcNow.AddSeconds(-20), plate.Display, 0.91f, key, null);

    [Theory]
    [InlineData("nul")]
    [InlineData("surrogate")]
    public async Task Ingest_UnstorableIdempotencyKey_IsRefusedWithItsCode(string flaw)
    {
        // Built here: xUnit's theory data serialiser would mend a lone surrogate into U+FFFD.
        var key = flaw == "nul" ? "nul\0key" : "lone" + (char)0xD800 + "surrogate";
        var camera = await NewCameraAsync();

        var result = await Ingest().IngestAsync([Read(camera, NewPlate(), key)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(PlateReadErrorCodes.BadIdempotencyKey, error.Code);
    }

    [Fact]
    public async Task Ingest_NulInCameraId_IsRefusedAsUnknownCamera()
    {
        var camera = await NewCameraAsync();

        var result = await Ingest().IngestAsync([Read(camera + "\0", NewPlate(), "k")]);

        Assert.Equal(PlateReadErrorCodes.UnknownCamera, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Ingest_ReadDated1900_IsRefusedAsStale()
    {
        var camera = await NewCameraAsync();

        var result = await Ingest().IngestAsync([Read(camera, NewPlate(), "old", new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero))]);

        Assert.Equal(PlateReadErrorCodes.StaleRead, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Ingest_SameKeyTwiceInOneBatch_FirstWinsAndTheSecondIsADuplicate()
    {
        var camera = await NewCameraAsync();
        var (first, second) = (NewPlate(), NewPlate());

        var result = await Ingest().IngestAsync([Read(camera, first, "twice"), Read(camera, second, "twice")]);

        Assert.Equal((1, 1), (result.Recorded, result.Duplicates));
        Assert.Equal(first.CanonicalKey, await fixture.Database.ScalarAsync($"SELECT plate_key FROM sightings WHERE detection_id = '{camera}:twice'"));
        Assert.Null(await fixture.Grains.GetGrain<IVehicleGrain>(second.CanonicalKey).GetAsync());
    }

    [Fact]
    public async Task Ingest_CameraNeverReportedThenSetOffline_IsRefusedAndStaysOffline()
    {
        var camera = await NewCameraAsync();
        var grain = fixture.Grains.GetGrain<ICameraGrain>(camera);
        await grain.SetStatusAsync(false, DateTimeOffset.UtcNow.AddSeconds(-1));

        var result = await Ingest().IngestAsync([Read(camera, NewPlate(), "off")]);
        await grain.ReportFrameAsync(DateTimeOffset.UtcNow);

        Assert.Equal(PlateReadErrorCodes.CameraDisabled, Assert.Single(result.Errors).Code);
        Assert.False((await grain.GetAsync())!.Online);
    }
}
