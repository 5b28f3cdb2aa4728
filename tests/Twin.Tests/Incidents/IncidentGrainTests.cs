using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Tests.Incidents;

[Collection(TwinClusterCollection.Name)]
public sealed class IncidentGrainTests(TwinClusterFixture fixture)
{
    private static IncidentReport Smoke(DateTimeOffset at, string? ward = TestCity.AnPhu) =>
        new(IncidentKind.Smoke, new GeoPoint(106.7530, 10.8030), 150, at, ["cam-tower-1"], "vision:smoke", ward, "smoke over rubbish");

    [Fact]
    public async Task Lifecycle_WalkedInOrder_StoresTimestampsAndResponseTime()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var updates = await fixture.Cluster.RecordAsync(TwinStreams.Incidents);
        var id = Guid.NewGuid().ToString();
        var incident = fixture.Grains.GetGrain<IIncidentGrain>(id);
        var detected = DateTimeOffset.UtcNow.AddMinutes(-20);

        await incident.OpenAsync(Smoke(detected));
        Assert.Contains(id, (await fixture.Grains.GetGrain<IWardGrain>(TestCity.AnPhu).GetAsync())!.OpenIncidentIds);
        await incident.ConfirmAsync("operator-1", detected.AddMinutes(1));
        await incident.DispatchAsync("ward-team", detected.AddMinutes(2));
        await incident.ArriveOnSceneAsync("ward-team", detected.AddMinutes(9), "people burning rubbish");
        var resolved = await incident.ResolveAsync("ward-team", detected.AddMinutes(12));

        Assert.Equal(IncidentStatus.Resolved, resolved.Status);
        Assert.Equal(TimeSpan.FromMinutes(7), resolved.ResponseTime);
        Assert.Equal(TimeSpan.FromMinutes(9), resolved.TimeToScene);
        Assert.Equal(5, resolved.Timeline.Count);
        Assert.Equal("Resolved", await fixture.Database.ScalarAsync($"SELECT status FROM incidents WHERE id = '{id}'"));
        Assert.DoesNotContain(id, (await fixture.Grains.GetGrain<IWardGrain>(TestCity.AnPhu).GetAsync())!.OpenIncidentIds);
        await updates.WaitForAsync<IncidentChanged>(e => e.EntityId == id && e.Status == IncidentStatus.OnScene);
    }

    [Fact]
    public async Task Open_NewIncident_RaisesAlert()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var alerts = await fixture.Cluster.RecordAsync(TwinStreams.Alerts);
        var id = Guid.NewGuid().ToString();
        await fixture.Grains.GetGrain<IIncidentGrain>(id).OpenAsync(Smoke(DateTimeOffset.UtcNow));
        var alert = await alerts.WaitForAsync<IncidentChanged>(e => e.EntityId == id);
        Assert.Equal(IncidentStatus.Detected, alert.Status);
        Assert.Equal(TestCity.AnPhu, alert.WardCode);
    }

    [Fact]
    public async Task Dispatch_BeforeConfirm_IsRefusedAndStateKept()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var incident = fixture.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid().ToString());
        await incident.OpenAsync(Smoke(DateTimeOffset.UtcNow.AddMinutes(-5)));

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => incident.DispatchAsync("team", DateTimeOffset.UtcNow));

        Assert.Contains("cannot go from Detected to Dispatched", error.Message);
        Assert.Equal(IncidentStatus.Detected, (await incident.GetAsync())!.Status);
    }

    [Fact]
    public async Task Confirm_BeforeDetection_IsRefused()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var incident = fixture.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid().ToString());
        var detected = DateTimeOffset.UtcNow.AddMinutes(-5);
        await incident.OpenAsync(Smoke(detected));
        var error = await Assert.ThrowsAsync<TwinValidationException>(() => incident.ConfirmAsync("op", detected.AddMinutes(-1)));
        Assert.Contains("is before", error.Message);
    }

    [Fact]
    public async Task Resolve_FromDetected_IsAllowedAsFalseAlarm()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var incident = fixture.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid().ToString());
        await incident.OpenAsync(Smoke(DateTimeOffset.UtcNow.AddMinutes(-5)));
        var state = await incident.ResolveAsync("operator", DateTimeOffset.UtcNow, "false alarm: fog");
        Assert.Equal(IncidentStatus.Resolved, state.Status);
        Assert.Null(state.ResponseTime);
    }

    [Fact]
    public async Task Open_NotAGuidKey_IsRefused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Grains.GetGrain<IIncidentGrain>("fire-1").OpenAsync(Smoke(DateTimeOffset.UtcNow)));
        Assert.Contains("GUID", error.ToString());
    }
}
