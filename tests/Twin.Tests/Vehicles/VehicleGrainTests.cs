using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Twin.Tests.Vehicles;

[Collection(TwinClusterCollection.Name)]
public sealed class VehicleGrainTests(TwinClusterFixture fixture)
{
    private static int plateCounter = Random.Shared.Next(10_000, 60_000);

    /// <summary>A fresh motorbike plate per test (59-X8 nnnnn) so tests sharing the cluster never meet.</summary>
    private static PlateNumber NewPlate(string series = "X8") =>
        PlateNumber.Parse($"59-{series} {Interlocked.Increment(ref plateCounter):00000}");

    private static SightingInput Sighting(string camera, DateTimeOffset at, double lon = 106.75, double lat = 10.80) =>
        new($"{camera}:{Guid.NewGuid():N}", camera, at, new GeoPoint(lon, lat), 0.93f);

    [Theory]
    [InlineData("51G-{0}.{1}", VehicleKind.Unknown, "51G-{0}.{1}", VehicleKind.Car)]
    [InlineData("51G{0}{1}", VehicleKind.Car, "51G-{0}.{1}", VehicleKind.Car)]
    [InlineData("51G{0}{1}", VehicleKind.Unknown, "51-G{0}{1}", VehicleKind.Motorbike)]
    public async Task RecordSightings_KeyFitsCarAndMotorbike_ShowsThePlateAsRead(string written, VehicleKind seenAs, string shown, VehicleKind kind)
    {
        // 51G + 5 digits is also 51-G<d> + 4 digits: only the read's separators or the reader's kind tell them apart.
        var digits = Interlocked.Increment(ref plateCounter).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
        string Format(string pattern) => string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, digits[..3], digits[3..]);
        var key = $"51G{digits}";
        var vehicle = fixture.Grains.GetGrain<IVehicleGrain>(key);

        await vehicle.RecordSightingsAsync(new([Sighting("cam-a", DateTimeOffset.UtcNow.AddMinutes(-1)) with { PlateText = Format(written) }], seenAs));

        var snapshot = await vehicle.GetAsync();
        var expected = kind == VehicleKind.Motorbike ? $"51-G{digits[0]} {digits[1..]}" : Format(shown);
        Assert.Equal((expected, kind), (snapshot!.DisplayPlate, snapshot.Kind));
    }

    [Fact]
    public async Task RecordSightings_SameDetectionTwice_StoresOnce()
    {
        var plate = NewPlate();
        var vehicle = fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey);
        var batch = new VehicleObservation(Enumerable.Range(0, 3).Select(i => Sighting("cam-a", DateTimeOffset.UtcNow.AddMinutes(-10 + i))).ToList());

        var first = await vehicle.RecordSightingsAsync(batch);
        var replay = await vehicle.RecordSightingsAsync(batch);

        Assert.Equal(new SightingReceipt(3, 0, false), first);
        Assert.Equal(new SightingReceipt(0, 3, false), replay);
        Assert.Equal(3L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM sightings WHERE plate_key = '{plate.CanonicalKey}'"));
        var snapshot = await vehicle.GetAsync();
        Assert.Equal(VehicleKind.Motorbike, snapshot!.Kind);
        Assert.Equal(plate.Display, snapshot.DisplayPlate);
    }

    [Fact]
    public async Task RecordSightings_OutOfOrder_TraceIsTimeOrdered()
    {
        var plate = NewPlate();
        var vehicle = fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        await vehicle.RecordSightingsAsync(new([Sighting("cam-c", t0.AddMinutes(2), 106.76, 10.81)]));
        await vehicle.RecordSightingsAsync(new([Sighting("cam-a", t0, 106.74, 10.79)]));
        await vehicle.RecordSightingsAsync(new([Sighting("cam-b", t0.AddMinutes(1), 106.75, 10.80)]));

        var snapshot = await vehicle.GetAsync();
        Assert.Equal(["cam-a", "cam-b", "cam-c"], snapshot!.RecentSightings.Select(s => s.CameraId));
        var trace = snapshot.Trace()!;
        Assert.Equal(GeoFactory.Wgs84Srid, trace.SRID);
        Assert.Equal([106.74, 106.75, 106.76], trace.Coordinates.Select(c => Math.Round(c.X, 2)));
    }

    [Fact]
    public async Task RecordSightings_WatchedPlate_RaisesFirstHitThenFollowUps()
    {
        var alerts = await fixture.Cluster.RecordAsync(TwinStreams.Alerts);
        var plate = NewPlate();
        await fixture.Grains.GetGrain<Watchlists.IWatchlistGrain>(plate.ProvinceCode).AddAsync(
            new Watchlists.WatchlistRequest(plate.Display, "stolen motorbike", DateTimeOffset.UtcNow.AddMinutes(-5), "An Phú ward police", TestCity.AnPhu));
        var vehicle = fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey);

        var receipt = await vehicle.RecordSightingsAsync(new([Sighting("cam-mct-01", DateTimeOffset.UtcNow.AddSeconds(-30))]));
        await vehicle.RecordSightingsAsync(new([Sighting("cam-mct-02", DateTimeOffset.UtcNow.AddSeconds(-10))]));

        Assert.True(receipt.Watched);
        var first = await alerts.WaitForAsync<WatchlistHit>(h => h.EntityId == plate.CanonicalKey && h.CameraId == "cam-mct-01");
        var second = await alerts.WaitForAsync<WatchlistHit>(h => h.EntityId == plate.CanonicalKey && h.CameraId == "cam-mct-02");
        Assert.True(first.First);
        Assert.False(second.First);
        Assert.Equal(PlateMatchKind.Exact, first.MatchKind);
        Assert.Equal("stolen motorbike", first.Reason);
    }

    [Fact]
    public async Task RecordSightings_OneConfusionRead_StillHits()
    {
        var alerts = await fixture.Cluster.RecordAsync(TwinStreams.Alerts);
        var watched = NewPlate("X8");
        // The reader confused 8 with B: 59-X8 → 59-XB, the same bike.
        var misread = PlateNumber.Parse(watched.CanonicalKey.Replace("X8", "XB", StringComparison.Ordinal));
        await fixture.Grains.GetGrain<Watchlists.IWatchlistGrain>(watched.ProvinceCode).AddAsync(
            new Watchlists.WatchlistRequest(watched.Display, "stolen", DateTimeOffset.UtcNow.AddMinutes(-5), "police"));

        await fixture.Grains.GetGrain<IVehicleGrain>(misread.CanonicalKey).RecordSightingsAsync(new([Sighting("cam-x", DateTimeOffset.UtcNow)]));

        var hit = await alerts.WaitForAsync<WatchlistHit>(h => h.EntityId == misread.CanonicalKey);
        Assert.Equal(PlateMatchKind.OneConfusion, hit.MatchKind);
        Assert.Equal(watched.CanonicalKey, hit.WatchedPlateKey);
    }

    [Fact]
    public async Task RecordSightings_SameNumberOtherProvince_NeverHits()
    {
        var alerts = await fixture.Cluster.RecordAsync(TwinStreams.Alerts);
        var watched = NewPlate();
        var otherProvince = PlateNumber.Parse("51" + watched.CanonicalKey[2..]);
        await fixture.Grains.GetGrain<Watchlists.IWatchlistGrain>(watched.ProvinceCode).AddAsync(
            new Watchlists.WatchlistRequest(watched.Display, "stolen", DateTimeOffset.UtcNow.AddMinutes(-5), "police"));

        var receipt = await fixture.Grains.GetGrain<IVehicleGrain>(otherProvince.CanonicalKey).RecordSightingsAsync(new([Sighting("cam-y", DateTimeOffset.UtcNow)]));

        Assert.False(receipt.Watched);
        Assert.Empty(await alerts.AfterQuietPeriodAsync<WatchlistHit>(h => h.EntityId == otherProvince.CanonicalKey, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RemoveFromWatchlist_LaterSightings_DoNotHit()
    {
        var plate = NewPlate();
        var watchlist = fixture.Grains.GetGrain<Watchlists.IWatchlistGrain>(plate.ProvinceCode);
        await watchlist.AddAsync(new Watchlists.WatchlistRequest(plate.Display, "stolen", DateTimeOffset.UtcNow.AddMinutes(-5), "police"));
        Assert.True(await watchlist.RemoveAsync(plate.CanonicalKey, "police", "recovered"));

        var receipt = await fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).RecordSightingsAsync(new([Sighting("cam-z", DateTimeOffset.UtcNow)]));

        Assert.False(receipt.Watched);
        Assert.Equal("recovered", await fixture.Database.ScalarAsync(
            $"SELECT removal_reason FROM watchlist_entries WHERE plate_key = '{plate.CanonicalKey}'"));
    }

    [Theory]
    [InlineData("59X1-12345", "not a canonical")]
    [InlineData("ABC", "not a canonical")]
    public async Task RecordSightings_KeyNotCanonicalPlate_IsRefused(string key, string reason)
    {
        var error = await Assert.ThrowsAsync<TwinValidationException>(() =>
            fixture.Grains.GetGrain<IVehicleGrain>(key).RecordSightingsAsync(new([Sighting("cam", DateTimeOffset.UtcNow)])));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task RecordSightings_BadSightingInBatch_RefusesWholeBatch()
    {
        var plate = NewPlate();
        var vehicle = fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey);
        var good = Sighting("cam-a", DateTimeOffset.UtcNow);
        var bad = Sighting("cam-b", DateTimeOffset.UtcNow) with { Confidence = 1.7f };

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => vehicle.RecordSightingsAsync(new([good, bad])));

        Assert.Contains("confidence", error.Message);
        Assert.Equal(0L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM sightings WHERE plate_key = '{plate.CanonicalKey}'"));
    }

    [Fact]
    public async Task AddToWatchlist_PlateOfOtherProvince_IsRefused()
    {
        var error = await Assert.ThrowsAsync<TwinValidationException>(() => fixture.Grains.GetGrain<Watchlists.IWatchlistGrain>("59")
            .AddAsync(new Watchlists.WatchlistRequest("51G-123.45", "stolen", DateTimeOffset.UtcNow, "police")));
        Assert.Contains("belongs to province 51", error.Message);
    }
}
