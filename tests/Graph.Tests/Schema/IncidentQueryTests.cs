using System.Text.Json;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// Incident reads. Lists are filtered to the seed's time window (up to 20 minutes before the seed ran), so incidents
/// that mutation tests open later never show up here.
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class IncidentQueryTests(SchemaFixture fixture)
{
    private object Window() => new { from = fixture.Seed.Now.AddHours(-4), to = fixture.Seed.Now.AddMinutes(-20) };

    private const string ListQuery = """
        query($from: DateTimeOffset, $to: DateTimeOffset, $kinds: [IncidentKind!], $statuses: [IncidentStatus!], $bbox: [Float!], $ward: String) {
          incidents(from: $from, to: $to, kinds: $kinds, statuses: $statuses, bbox: $bbox, wardCode: $ward) { nodes { id kind status } } }
        """;

    private async Task<List<string?>> IdsAsync(object variables)
    {
        var result = await fixture.ExecuteAsync(ListQuery, Callers.Planner, variables);
        return result.Data("incidents.nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
    }

    [Fact]
    public async Task Incident_ById_ReturnsGrainStateWithTimelineAndResponseTime()
    {
        var result = await fixture.ExecuteAsync("""
            query($id: ID!) { incident(id: $id) { kind status open wardCode responseTimeSeconds timeline { status actor note } sourceCameras { id } } }
            """, Callers.Operator, new { id = fixture.Seed.AccidentMaiChiTho });

        var incident = result.Data("incident");
        Assert.Equal("RESOLVED", incident.GetProperty("status").GetString());
        Assert.False(incident.GetProperty("open").GetBoolean());
        Assert.Equal(420, incident.GetProperty("responseTimeSeconds").GetDouble(), 3);
        Assert.Equal(["DETECTED", "CONFIRMED", "DISPATCHED", "ON_SCENE", "RESOLVED"],
            incident.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()));
        Assert.Equal("cam-mct-05", incident.GetProperty("sourceCameras").EnumerateArray().Single().GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("6f1c1c57-1111-4222-8333-944444444444")]
    public async Task Incident_UnknownId_ReturnsNull(string id)
    {
        var result = await fixture.ExecuteAsync("query($id: ID!) { incident(id: $id) { id } }", Callers.Operator, new { id });
        Assert.Equal(JsonValueKind.Null, result.Data("incident").ValueKind);
    }

    [Fact]
    public async Task Incidents_InWindow_AreNewestFirst()
    {
        var ids = await IdsAsync(Window());
        Assert.Equal(new[] { fixture.Seed.JamAnPhu, fixture.Seed.AccidentMaiChiTho, fixture.Seed.FireBinhTho, fixture.Seed.SmokeTanThuanDong }.Select(g => g.ToString()), ids);
    }

    [Fact]
    public async Task Incidents_ByKind_ReturnsOnlyThoseKinds()
    {
        var ids = await IdsAsync(new { from = fixture.Seed.Now.AddHours(-4), to = fixture.Seed.Now.AddMinutes(-20), kinds = new[] { "SMOKE", "FIRE" } });
        Assert.Equal(new[] { fixture.Seed.FireBinhTho, fixture.Seed.SmokeTanThuanDong }.Select(g => g.ToString()), ids);
    }

    [Fact]
    public async Task Incidents_ByStatus_ReturnsOnlyResolved()
    {
        var ids = await IdsAsync(new { from = fixture.Seed.Now.AddHours(-4), to = fixture.Seed.Now.AddMinutes(-20), statuses = new[] { "RESOLVED" } });
        Assert.Equal([fixture.Seed.AccidentMaiChiTho.ToString()], ids);
    }

    [Fact]
    public async Task Incidents_InBbox_ReturnsOnlyThoseInside()
    {
        var ids = await IdsAsync(new { from = fixture.Seed.Now.AddHours(-4), to = fixture.Seed.Now.AddMinutes(-20), bbox = new[] { 106.72, 10.74, 106.75, 10.77 } });
        Assert.Equal([fixture.Seed.SmokeTanThuanDong.ToString()], ids);
    }

    [Fact]
    public async Task Incidents_InWard_ReturnsThatWardsIncidents()
    {
        var ids = await IdsAsync(new { from = fixture.Seed.Now.AddHours(-4), to = fixture.Seed.Now.AddMinutes(-20), ward = SchemaSeed.AnPhu });
        Assert.Equal(new[] { fixture.Seed.JamAnPhu, fixture.Seed.AccidentMaiChiTho }.Select(g => g.ToString()), ids);
    }

    [Fact]
    public async Task Incidents_TimeRange_IsHalfOpen()
    {
        // From the fire's detection (included) to the accident's (excluded).
        var ids = await IdsAsync(new { from = fixture.Seed.Now.AddHours(-2), to = fixture.Seed.Now.AddHours(-1) });
        Assert.Equal([fixture.Seed.FireBinhTho.ToString()], ids);
    }

    [Fact]
    public async Task Incidents_FromAfterTo_IsBadUserInput()
    {
        var result = await fixture.ExecuteAsync(ListQuery, Callers.Operator, new { from = fixture.Seed.Now, to = fixture.Seed.Now.AddHours(-1) });
        Assert.Equal(["BAD_USER_INPUT"], result.ErrorCodes);
    }

    [Fact]
    public async Task Incidents_PagedOneByOne_VisitEachOnce()
    {
        const string query = """
            query($from: DateTimeOffset, $to: DateTimeOffset, $after: String) {
              incidents(from: $from, to: $to, first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }
            """;
        var seen = new List<string?>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var result = await fixture.ExecuteAsync(query, Callers.Operator, new { from = fixture.Seed.Now.AddHours(-4), to = fixture.Seed.Now.AddMinutes(-20), after });
            seen.AddRange(result.Data("incidents.nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
            if (!result.Data("incidents.pageInfo.hasNextPage").GetBoolean()) break;
            after = result.Data("incidents.pageInfo.endCursor").GetString();
        }
        Assert.Equal(await IdsAsync(Window()), seen);
    }
}
