using System.Text;
using System.Text.Json;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// A partner key must not be able to follow a vehicle: no plate lookup, no watchlist oracle, no reporter's name, and
/// aliased guesses of a masked plate reveal nothing (issue 11, "Tracking" and "An oracle").
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class PartnerTrackingTests(SchemaFixture fixture)
{
    [Fact]
    public async Task VehicleLookup_Partner_ForbiddenWithoutMovements()
    {
        var result = await fixture.ExecuteAsync($$"""
            { vehicle(plate: "{{SchemaSeed.TracedPlate}}") { plate watched watch { reason reportedAt } trace speedKmh
              route { points { seenAt } } predictedNextCameras { etaSeconds } sightings(first: 5) { nodes { location seenAt } } } }
            """, Callers.Partner);

        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("data").GetProperty("vehicle").ValueKind);
    }

    [Fact]
    public async Task WatchlistByPlate_Partner_ForbiddenSoItIsNoOracle()
    {
        await fixture.ExecuteAsync("""mutation { addToWatchlist(plate: "51K-246.80", reason: "stolen", reportedBy: "Nguyen Van A") { errors { code } } }""", Callers.Operator);

        var result = await fixture.ExecuteAsync("""{ watchlist(plate: "51K-246.80") { nodes { plate reason } } }""", Callers.Partner);

        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
    }

    [Fact]
    public async Task WatchlistList_Partner_NoReporterNameAndPlatesMasked()
    {
        await fixture.ExecuteAsync("""mutation { addToWatchlist(plate: "51K-135.79", reason: "stolen", reportedBy: "Tran Thi B") { errors { code } } }""", Callers.Operator);

        var result = await fixture.ExecuteAsync("{ watchlist(first: 200) { nodes { plate plateKey reportedBy } } }", Callers.Partner);

        var nodes = result.Data("watchlist.nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal(JsonValueKind.Null, n.GetProperty("reportedBy").ValueKind));
        Assert.Contains(nodes, n => n.GetProperty("plate").GetString() == "51K-***.79");
        Assert.DoesNotContain(nodes, n => n.GetProperty("plateKey").GetString() == "51K13579");
    }

    /// <summary>The attack as it was run: the masked alert's ~1,000 candidates tried 300 aliases at a time.</summary>
    [Fact]
    public async Task AliasedCandidates_Partner_RevealNoWatchedPlate()
    {
        await fixture.ExecuteAsync("""mutation { addToWatchlist(plate: "51K-246.80", reason: "stolen", reportedBy: "Nguyen Van A") { errors { code } } }""", Callers.Operator);
        var document = new StringBuilder("{");
        for (var i = 0; i < 300; i++) document.Append(System.Globalization.CultureInfo.InvariantCulture, $" c{i}: vehicle(plate: \"51K-{i + 100:000}.80\") {{ watched }}");
        document.Append(" }");

        var result = await fixture.ExecuteAsync(document.ToString(), Callers.Partner);

        Assert.DoesNotContain(result.Json.GetProperty("data").EnumerateObject(), p => p.Value.ValueKind != JsonValueKind.Null);
        Assert.All(result.ErrorCodes, code => Assert.Equal("FORBIDDEN", code));
    }
}
