using CityTwin.Graph.Auth;
using Npgsql;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// The trail is append-only and hash-chained in PostgreSQL itself (triggers), and a supervisor reads it with
/// <c>auditTrail(plate, from, to)</c>; a changed row is found by the chain check.
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class AuditTrailTests(SchemaFixture fixture)
{
    private static readonly TwinPrincipal Supervisor = new("key-supervisor", TwinRole.Supervisor);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task AuditTrail_Supervisor_SeesWhoLookedAtThePlateAndWhy()
    {
        var looker = new TwinPrincipal($"audit-trail-{Guid.NewGuid():N}", TwinRole.Operator);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "case 42") { kind } }""", looker);

        var result = await fixture.ExecuteAsync($$"""{ auditTrail(plate: "59X112345", from: "{{from:O}}") { keyId role operation reason plateKey } }""", Supervisor);

        var row = Assert.Single(result.Data("auditTrail").EnumerateArray(), r => r.GetProperty("keyId").GetString() == looker.KeyId);
        Assert.Equal("operator", row.GetProperty("role").GetString());
        Assert.Equal("vehicle", row.GetProperty("operation").GetString());
        Assert.Equal("case 42", row.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(TwinRole.Operator)]
    [InlineData(TwinRole.Planner)]
    [InlineData(TwinRole.Partner)]
    public async Task AuditTrail_OtherRoles_Forbidden(TwinRole role)
    {
        var result = await fixture.ExecuteAsync("""{ auditTrail(plate: "59X112345") { keyId } }""", new TwinPrincipal("key-not-supervisor", role));
        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
    }

    [Theory]
    [InlineData("UPDATE plate_lookups SET reason = 'nothing to see' WHERE id = (SELECT max(id) FROM plate_lookups)")]
    [InlineData("DELETE FROM plate_lookups WHERE id = (SELECT max(id) FROM plate_lookups)")]
    [InlineData("TRUNCATE plate_lookups")]
    public async Task Trail_UpdateOrDelete_RefusedByTheDatabase(string sql)
    {
        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "to be tampered with") { kind } }""", Callers.Operator);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(sql));
        Assert.Contains("append-only", refused.MessageText);
    }

    [Fact]
    public async Task Chain_RowChangedBehindTheTriggersBack_VerifyNamesIt()
    {
        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "original") { kind } }""", Callers.Operator);
        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "after it") { kind } }""", Callers.Operator);
        Assert.True((await fixture.ExecuteAsync("{ auditTrailIntact }", Supervisor)).Data("auditTrailIntact").GetBoolean());
        var seq = (long)(await ScalarAsync("SELECT seq FROM plate_lookups WHERE reason = 'original' ORDER BY seq DESC LIMIT 1"))!;

        // What someone with the table owner's rights could do: switch the guard off and rewrite history.
        await ScalarAsync($"ALTER TABLE plate_lookups DISABLE TRIGGER plate_lookups_append_only; UPDATE plate_lookups SET reason = 'rewritten' WHERE seq = {seq}");
        try
        {
            Assert.Equal(seq, (long)(await ScalarAsync("SELECT plate_lookups_verify()"))!);
            Assert.False((await fixture.ExecuteAsync("{ auditTrailIntact }", Supervisor)).Data("auditTrailIntact").GetBoolean());
        }
        finally
        {
            await ScalarAsync($"UPDATE plate_lookups SET reason = 'original' WHERE seq = {seq}; ALTER TABLE plate_lookups ENABLE TRIGGER plate_lookups_append_only");
        }
        Assert.Null(await ScalarAsync("SELECT plate_lookups_verify()") as long?);
    }

    [Fact]
    public async Task Chain_EachRow_CoversThePreviousRowsHash()
    {
        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "first link") { kind } }""", Callers.Operator);
        await fixture.ExecuteAsync("""{ vehicle(plate: "59-X1 123.45", reason: "second link") { kind } }""", Callers.Operator);

        var linked = await ScalarAsync("""
            SELECT b.prev_hash = a.hash AND b.hash <> a.hash AND b.seq = a.seq + 1
            FROM plate_lookups a JOIN plate_lookups b ON b.seq = a.seq + 1
            WHERE a.reason = 'first link' AND b.reason = 'second link'
            """);
        Assert.Equal(true, linked);
    }
}
