using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Tests.Cameras;

[Collection(TwinClusterCollection.Name)]
public sealed class CameraGrainTests(TwinClusterFixture fixture)
{
    [Fact]
    public async Task Register_NewCamera_StoresRowWithViewAreaAndCountsInWard()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var id = TestCity.NewId("cam");
        await fixture.Grains.GetGrain<ICameraGrain>(id).RegisterAsync(TestCity.AnprCamera(TestCity.AnPhuIntersection));

        await using var db = fixture.Database.CreateContext();
        var row = await db.Set<CameraRow>().SingleAsync(c => c.Id == id);
        Assert.Equal(GeoFactory.Wgs84Srid, row.ViewArea.SRID);
        Assert.True(row.ViewArea.Contains(GeoFactory.Point(106.7524, 10.8025)), "a point 55 m east lies in an east-facing 100 m sector");
        Assert.False(row.ViewArea.Contains(GeoFactory.Point(106.7514, 10.8025)), "a point 55 m west lies behind the camera");
        var ward = await fixture.Grains.GetGrain<IWardGrain>(TestCity.AnPhu).GetAsync();
        Assert.Contains(id, ward!.CameraIds);
    }

    [Fact]
    public async Task Register_UnknownWard_IsRefusedAndNothingStored()
    {
        var id = TestCity.NewId("cam");
        var error = await Assert.ThrowsAsync<TwinValidationException>(() =>
            fixture.Grains.GetGrain<ICameraGrain>(id).RegisterAsync(TestCity.AnprCamera(TestCity.AnPhuIntersection, ward: "99999")));
        Assert.Contains("unknown ward code '99999'", error.Message);
        Assert.Null(await fixture.Grains.GetGrain<ICameraGrain>(id).GetAsync());
        Assert.Equal(0L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM cameras WHERE id = '{id}'"));
    }

    [Theory]
    [InlineData(200, 10.8)]
    [InlineData(106.75, -91)]
    [InlineData(double.NaN, 10.8)]
    public async Task Register_InvalidCoordinates_IsRefusedWithReason(double lon, double lat)
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var id = TestCity.NewId("cam");
        var error = await Assert.ThrowsAsync<TwinValidationException>(() =>
            fixture.Grains.GetGrain<ICameraGrain>(id).RegisterAsync(TestCity.AnprCamera(new GeoPoint(lon, lat))));
        Assert.Contains(id, error.Message);
        Assert.Contains("not a valid WGS84 position", error.Message);
    }

    [Fact]
    public async Task SetStatus_Offline_PublishesAfterStoring()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var recorder = await fixture.Cluster.RecordAsync(TwinStreams.Cameras);
        var id = TestCity.NewId("cam");
        var camera = fixture.Grains.GetGrain<ICameraGrain>(id);
        await camera.RegisterAsync(TestCity.AnprCamera(TestCity.AnPhuIntersection));
        await camera.ReportFrameAsync(DateTimeOffset.UtcNow.AddSeconds(-5));
        await camera.SetStatusAsync(false, DateTimeOffset.UtcNow);

        var offline = await recorder.WaitForAsync<CameraStatusChanged>(e => e.EntityId == id && !e.Online);
        Assert.Equal(TestCity.AnPhu, offline.WardCode);
        Assert.Equal(false, await fixture.Database.ScalarAsync($"SELECT online FROM cameras WHERE id = '{id}'"));
    }

    [Fact]
    public async Task SetStatus_FutureTime_IsRefused()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var camera = fixture.Grains.GetGrain<ICameraGrain>(TestCity.NewId("cam"));
        await camera.RegisterAsync(TestCity.AnprCamera(TestCity.AnPhuIntersection));
        var error = await Assert.ThrowsAsync<TwinValidationException>(() => camera.SetStatusAsync(true, DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Contains("in the future", error.Message);
    }
}
