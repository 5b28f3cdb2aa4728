using CityTwin.Graph.Auth;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>Every plate lookup leaves one row in <c>plate_lookups</c>: who (key and role), when, which plate, what for.</summary>
[Collection(SchemaCollection.Name)]
public sealed class AuditTests(SchemaFixture fixture)
{
    private static TwinPrincipal Fresh(TwinRole role) => new($"audit-{Guid.NewGuid():N}", role);

    private async Task<List<(string Role, string? Plate, string Operation, string? Reason, DateTimeOffset At)>> RowsAsync(TwinPrincipal caller)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT role, plate_key, operation, reason, at FROM plate_lookups WHERE key_id = @key ORDER BY id");
        command.Parameters.AddWithValue("key", caller.KeyId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?, string, string?, DateTimeOffset)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return rows;
    }

    [Fact]
    public async Task VehicleLookup_Operator_WritesOneRowWithPlateAndReason()
    {
        var caller = Fresh(TwinRole.Operator);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "stolen bike report") { kind } }""", caller);

        result.AssertNoErrors();
        var row = Assert.Single(await RowsAsync(caller));
        Assert.Equal(("operator", SchemaSeed.TracedPlateKey, "vehicle", "stolen bike report"), (row.Role, row.Plate, row.Operation, row.Reason));
        Assert.InRange(row.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task VehicleLookup_Partner_RefusedAndWritesNoRow()
    {
        var caller = Fresh(TwinRole.Partner);
        var result = await fixture.ExecuteAsync("""{ vehicle(plate: "51G-999.97") { kind } }""", caller);

        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
        Assert.Empty(await RowsAsync(caller));
    }

    [Fact]
    public async Task WatchlistRead_WritesTheReadAndEveryPlateShown()
    {
        var caller = Fresh(TwinRole.Operator);
        await fixture.ExecuteAsync("""mutation { addToWatchlist(plate: "51K-777.01", reason: "stolen", reportedBy: "police") { errors { code } } }""", Callers.Operator);
        var shown = (await fixture.ExecuteAsync("{ watchlist(first: 5) { nodes { plateKey } } }", caller)).Data("watchlist.nodes")
            .EnumerateArray().Select(n => n.GetProperty("plateKey").GetString()).ToList();

        var rows = await RowsAsync(caller);
        Assert.NotEmpty(shown);
        Assert.Equal(("watchlist", (string?)null), (rows[0].Operation, rows[0].Plate));
        Assert.Equal(shown, rows.Skip(1).Select(r => r.Plate));
        Assert.All(rows.Skip(1), r => Assert.Equal("watchlist:shown", r.Operation));
    }

    [Fact]
    public async Task ReportStolenVehicle_WritesRowWithTheDescription()
    {
        var caller = Fresh(TwinRole.Operator);
        await fixture.ExecuteAsync("""
            mutation { reportStolenVehicle(plate: "59-N1 135.79", reportedAt: "2024-03-01T06:00:00Z", reportedBy: "resident", description: "blue scooter") { errors { code } } }
            """, caller);

        var row = Assert.Single(await RowsAsync(caller));
        Assert.Equal(("reportStolenVehicle", "59N113579", "blue scooter"), (row.Operation, row.Plate, row.Reason));
    }

    [Fact]
    public async Task RefusedLookups_WriteNoRow()
    {
        var planner = Fresh(TwinRole.Planner);
        var operatorKey = Fresh(TwinRole.Operator);

        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45") { kind } }""", planner);
        await fixture.ExecuteAsync("""{ vehicle(plate: "not a plate") { kind } }""", operatorKey);

        Assert.Empty(await RowsAsync(planner));
        Assert.Empty(await RowsAsync(operatorKey));
    }
}
