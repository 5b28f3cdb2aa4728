using CityTwin.Graph.Auth;
using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Vehicles;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.Live;

/// <summary>
/// Subscriptions that can carry plates are audited: who subscribed with which role, to what area, from when to when,
/// and every plate delivered to an operator over <c>sightings</c>.
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class SubscriptionAuditTests(LiveClusterFixture fixture)
{
    private async Task<List<(string Operation, string? Plate, string? Reason, string? Detail)>> RowsAsync(string keyId)
    {
        await fixture.FullServices.GetRequiredService<LiveAuditQueue>().FlushAsync();
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT operation, plate_key, reason, detail FROM plate_lookups WHERE key_id = @key ORDER BY seq");
        command.Parameters.AddWithValue("key", keyId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?, string?, string?)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }

    [Fact]
    public async Task Sightings_Operator_SubscriptionAndDeliveredPlatesAudited()
    {
        var caller = new TwinPrincipal($"audit-live-{Guid.NewGuid():N}", TwinRole.Operator);
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.FullSchema, fixture.FullServices,
            "subscription { sightings(bbox: [106.70, 10.75, 106.80, 10.85]) { plate } }", caller);
        var plate = LiveTestCity.NewPlate();

        await fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).RecordSightingsAsync(LiveTestCity.Sighting("cam-an-phu", LiveTestCity.AnPhuIntersection));
        await recorder.WaitForAsync("sightings", s => s.GetProperty("plate").GetString() == plate.Display);
        subscription.Dispose();

        var rows = await RowsAsync(caller.KeyId);
        Assert.Equal("subscription:sightings", rows[0].Operation);
        Assert.Contains("area 106.7,10.75,106.8,10.85", rows[0].Detail);
        Assert.Contains(rows, r => r.Operation == "delivered:sightings" && r.Plate == plate.CanonicalKey && r.Reason == rows[0].Reason);
        var end = rows[^1];
        Assert.Equal(("subscription:sightings", rows[0].Reason), (end.Operation, end.Reason));
        Assert.Matches("^from .+ to .+; area", end.Detail);
    }

    [Fact]
    public async Task Alerts_Partner_SubscriptionAuditedWithItsRole()
    {
        var caller = new TwinPrincipal($"audit-live-{Guid.NewGuid():N}", TwinRole.Partner);
        var (_, subscription) = await LiveGraphQL.SubscribeAsync(fixture.FullSchema, fixture.FullServices, "subscription { alerts { __typename } }", caller);
        subscription.Dispose();

        var rows = await RowsAsync(caller.KeyId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("subscription:alerts", r.Operation));
        Assert.Contains("city-wide", rows[0].Detail);
    }
}
