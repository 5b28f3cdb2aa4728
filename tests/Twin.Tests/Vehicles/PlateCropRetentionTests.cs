using CityTwin.Twin.Plates;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Twin.Watchlists;

namespace CityTwin.Twin.Tests.Vehicles;

/// <summary>Crop retention on a real PostgreSQL: old crops go, recent ones and those of a watched plate stay.</summary>
[Collection(TwinClusterCollection.Name)]
public sealed class PlateCropRetentionTests(TwinClusterFixture fixture)
{
    private static int plateCounter = Random.Shared.Next(10_000, 60_000);

    private static PlateNumber NewPlate() => PlateNumber.Parse($"59-X5 {Interlocked.Increment(ref plateCounter):00000}");

    /// <summary>A JPEG unique to this call (SOI, a comment with a GUID, EOI), so its content-addressed id is new.</summary>
    private static byte[] UniqueJpeg()
    {
        var text = System.Text.Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));
        return [0xFF, 0xD8, 0xFF, 0xFE, 0x00, (byte)(text.Length + 2), .. text, 0xFF, 0xD9];
    }

    private async Task<string> StoreCropAsync(PlateNumber plate, TimeSpan age)
    {
        var jpeg = UniqueJpeg();
        var id = JpegCrop.IdOf(jpeg);
        await new PlateCropStore(fixture.Database.DataSource).StoreAsync([new PlateCrop(id, jpeg, "cam-retention", plate.CanonicalKey)]);
        await fixture.Database.ScalarAsync(FormattableString.Invariant(
            $"UPDATE plate_crops SET stored_at = now() - interval '{(int)age.TotalSeconds} seconds' WHERE id = '{id}'"));
        return id;
    }

    private Task<object?> CountAsync(string id) => fixture.Database.ScalarAsync($"SELECT count(*) FROM plate_crops WHERE id = '{id}'");

    [Fact]
    public async Task DeleteStoredBefore_OldRecentAndWatchedCrops_OnlyTheOldUnwatchedOneGoes()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var watched = NewPlate();
        await fixture.Grains.GetGrain<IWatchlistGrain>(watched.ProvinceCode).AddAsync(
            new WatchlistRequest(watched.Display, "stolen motorbike", DateTimeOffset.UtcNow.AddMinutes(-5), "An Phú ward police", TestCity.AnPhu));
        var old = await StoreCropAsync(NewPlate(), TimeSpan.FromDays(40));
        var recent = await StoreCropAsync(NewPlate(), TimeSpan.FromDays(2));
        var oldButWatched = await StoreCropAsync(watched, TimeSpan.FromDays(40));

        var deleted = await new PlateCropRetention(fixture.Database.DataSource).DeleteStoredBeforeAsync(DateTimeOffset.UtcNow.AddDays(-30));

        Assert.True(deleted >= 1);
        Assert.Equal(0L, await CountAsync(old));
        Assert.Equal(1L, await CountAsync(recent));
        Assert.Equal(1L, await CountAsync(oldButWatched));
    }
}
