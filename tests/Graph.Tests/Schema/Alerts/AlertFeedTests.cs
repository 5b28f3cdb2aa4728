using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;

namespace CityTwin.Graph.Tests.Schema.Alerts;

/// <summary>
/// Alerts are state: <c>alerts(first, after)</c> lists what the twin kept, newest first, with the calling key's
/// acknowledgement, and <c>acknowledgeAlert</c> marks one for that key only and leaves an audit row. Real cluster, real PostGIS.
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class AlertFeedTests(SchemaFixture fixture)
{
    private const string Feed = """
        query($after: String) { alerts(first: 200, after: $after) {
          edges { cursor node { id acknowledged acknowledgedAt alert { __typename ... on IncidentEvent { incidentId change } } } }
          pageInfo { hasNextPage endCursor } } }
        """;

    private const string Acknowledge = """
        mutation($id: ID!) { acknowledgeAlert(id: $id) { alertRecord { id acknowledged acknowledgedAt } errors { code message field } } }
        """;

    private static TwinPrincipal Fresh(TwinRole role) => new($"alerts-{Guid.NewGuid():N}", role);

    private Task<Guid> OpenAsync() =>
        SchemaSeed.OpenAsync(fixture.Cluster.Grains, IncidentKind.Smoke, new GeoPoint(106.779, 10.8625), DateTimeOffset.UtcNow.AddMinutes(-5), "26800");

    private async Task<List<JsonElement>> NodesAsync(TwinPrincipal caller)
    {
        var result = await fixture.ExecuteAsync(Feed, caller);
        return result.Data("alerts.edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
    }

    private static JsonElement ForIncident(IEnumerable<JsonElement> nodes, Guid incident) =>
        nodes.Single(n => n.GetProperty("alert").TryGetProperty("incidentId", out var id) && id.GetString() == incident.ToString());

    [Fact]
    public async Task Alerts_IncidentsOpened_ListedNewestFirstAndUnacknowledged()
    {
        var older = await OpenAsync();
        var newer = await OpenAsync();

        var nodes = await NodesAsync(Fresh(TwinRole.Operator));

        var ids = nodes.Select(n => n.GetProperty("alert").TryGetProperty("incidentId", out var id) ? id.GetString() : null).ToList();
        Assert.True(ids.IndexOf(newer.ToString()) < ids.IndexOf(older.ToString()), "the newer alert comes first");
        var alert = ForIncident(nodes, newer);
        Assert.Equal("IncidentEvent", alert.GetProperty("alert").GetProperty("__typename").GetString());
        Assert.Equal("opened", alert.GetProperty("alert").GetProperty("change").GetString());
        Assert.False(alert.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task AcknowledgeAlert_Operator_KeptForThatKeyOnlyAndAudited()
    {
        var incident = await OpenAsync();
        var (caller, colleague) = (Fresh(TwinRole.Operator), Fresh(TwinRole.Operator));
        var id = ForIncident(await NodesAsync(caller), incident).GetProperty("id").GetString()!;

        var first = await fixture.ExecuteAsync(Acknowledge, caller, new { id });
        var again = await fixture.ExecuteAsync(Acknowledge, caller, new { id });

        Assert.Equal(0, first.Data("acknowledgeAlert.errors").GetArrayLength());
        Assert.True(first.Data("acknowledgeAlert.alertRecord.acknowledged").GetBoolean());
        Assert.Equal(first.Data("acknowledgeAlert.alertRecord.acknowledgedAt").GetString(), again.Data("acknowledgeAlert.alertRecord.acknowledgedAt").GetString());
        Assert.True(ForIncident(await NodesAsync(caller), incident).GetProperty("acknowledged").GetBoolean());
        Assert.False(ForIncident(await NodesAsync(colleague), incident).GetProperty("acknowledged").GetBoolean());
        Assert.Equal(2, await AuditRowsAsync(caller, id));
    }

    [Fact]
    public async Task AcknowledgeAlert_Partner_ForbiddenAndNotAudited()
    {
        var incident = await OpenAsync();
        var partner = Fresh(TwinRole.Partner);
        var id = ForIncident(await NodesAsync(partner), incident).GetProperty("id").GetString()!;

        var result = await fixture.ExecuteAsync(Acknowledge, partner, new { id });

        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
        Assert.Equal(0, await AuditRowsAsync(partner, id));
    }

    [Theory]
    [InlineData("not-a-guid", "INVALID_INPUT")]
    [InlineData("3f2a9c4e-0000-4000-8000-000000000000", "NOT_FOUND")]
    public async Task AcknowledgeAlert_UnknownOrMalformedId_TypedErrorWithReason(string id, string code)
    {
        var result = await fixture.ExecuteAsync(Acknowledge, Fresh(TwinRole.Operator), new { id });

        var error = Assert.Single(result.Data("acknowledgeAlert.errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(id, error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, result.Data("acknowledgeAlert.alertRecord").ValueKind);
    }

    [Fact]
    public async Task Alerts_ClinicKey_Forbidden()
    {
        var result = await fixture.ExecuteAsync(Feed, Callers.Clinic);

        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
    }

    [Fact]
    public async Task Alerts_PagedOneByOne_ContinuesWithoutRepeats()
    {
        await OpenAsync();
        await OpenAsync();
        var caller = Fresh(TwinRole.Operator);
        const string Page = "query($after: String) { alerts(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }";

        var first = await fixture.ExecuteAsync(Page, caller);
        var second = await fixture.ExecuteAsync(Page, caller, new { after = first.Data("alerts.pageInfo.endCursor").GetString() });

        Assert.True(first.Data("alerts.pageInfo.hasNextPage").GetBoolean());
        Assert.NotEqual(first.Data("alerts.nodes.0.id").GetString(), second.Data("alerts.nodes.0.id").GetString());
    }

    private async Task<long> AuditRowsAsync(TwinPrincipal caller, string alertId)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT count(*) FROM plate_lookups WHERE key_id = @key AND operation = 'acknowledgeAlert' AND detail LIKE @alert");
        command.Parameters.AddWithValue("key", caller.KeyId);
        command.Parameters.AddWithValue("alert", $"alert {alertId}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
