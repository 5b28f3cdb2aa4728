using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>Story 2's lifecycle through the mutations: confirm, dispatch, on scene in 7 minutes, resolve.</summary>
[Collection(SchemaCollection.Name)]
public sealed class IncidentMutationTests(SchemaFixture fixture)
{
    /// <summary>Linh Trung: a ward the query tests do not count incidents in.</summary>
    private const string LinhTrung = "26800";

    private const string Step = """
        mutation($id: ID!, $at: DateTimeOffset) { %STEP%(id: $id, actor: "ward team", at: $at, note: "on it") {
          incident { status timeline { status actor } responseTimeSeconds } errors { code message field } } }
        """;

    private Task<Guid> OpenAsync(DateTimeOffset detectedAt) =>
        SchemaSeed.OpenAsync(fixture.Cluster.Grains, IncidentKind.Smoke, new GeoPoint(106.779, 10.8625), detectedAt, LinhTrung);

    [Fact]
    public async Task Transitions_InOrder_WalkTheLifecycle()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        var id = await OpenAsync(start);

        await StepAsync("confirmIncident", id, start.AddMinutes(1));
        await StepAsync("dispatchIncident", id, start.AddMinutes(2));
        await StepAsync("arriveOnScene", id, start.AddMinutes(9));
        var resolved = await StepAsync("resolveIncident", id, start.AddMinutes(12));

        var incident = resolved.Data("resolveIncident.incident");
        Assert.Equal("RESOLVED", incident.GetProperty("status").GetString());
        Assert.Equal(420, incident.GetProperty("responseTimeSeconds").GetDouble(), 3);
        Assert.Equal(5, incident.GetProperty("timeline").GetArrayLength());
        Assert.Equal("ward team", incident.GetProperty("timeline")[4].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Transitions_TimesInLocalOffset_StoredAsTheSameInstants()
    {
        // Operators in the city give times in +07:00; PostgreSQL keeps instants, so the offset must not matter.
        var start = DateTimeOffset.UtcNow.AddMinutes(-20).ToOffset(TimeSpan.FromHours(7));
        var id = await OpenAsync(start);

        await StepAsync("confirmIncident", id, start.AddMinutes(1));
        await StepAsync("dispatchIncident", id, start.AddMinutes(2));
        var onScene = await StepAsync("arriveOnScene", id, start.AddMinutes(9));

        Assert.Equal("ON_SCENE", onScene.Data("arriveOnScene.incident.status").GetString());
        Assert.Equal(420, onScene.Data("arriveOnScene.incident.responseTimeSeconds").GetDouble(), 3);
    }

    [Fact]
    public async Task ArriveOnScene_BeforeDispatch_ReturnsInvalidInput()
    {
        var id = await OpenAsync(DateTimeOffset.UtcNow.AddMinutes(-10));

        var result = await fixture.ExecuteAsync(Step.Replace("%STEP%", "arriveOnScene"), Callers.Operator, new { id });

        var error = result.Data("arriveOnScene.errors.0");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Contains("cannot go from Detected to OnScene", error.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Data("arriveOnScene.incident").ValueKind);
    }

    [Fact]
    public async Task Confirm_BeforeDetection_ReturnsInvalidInput()
    {
        var detected = DateTimeOffset.UtcNow.AddMinutes(-10);
        var id = await OpenAsync(detected);

        var result = await fixture.ExecuteAsync(Step.Replace("%STEP%", "confirmIncident"), Callers.Operator, new { id, at = detected.AddMinutes(-1) });

        Assert.Equal("INVALID_INPUT", result.Data("confirmIncident.errors.0.code").GetString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0d4a7a4e-0000-4000-8000-000000000000")]
    public async Task Confirm_UnknownIncident_ReturnsNotFound(string id)
    {
        var result = await fixture.ExecuteAsync(Step.Replace("%STEP%", "confirmIncident"), Callers.Operator, new { id });

        Assert.Equal("NOT_FOUND", result.Data("confirmIncident.errors.0.code").GetString());
        Assert.Equal("id", result.Data("confirmIncident.errors.0.field").GetString());
    }

    private async Task<GraphResult> StepAsync(string step, Guid id, DateTimeOffset at)
    {
        var result = await fixture.ExecuteAsync(Step.Replace("%STEP%", step), Callers.Operator, new { id, at });
        Assert.Equal(0, result.Data($"{step}.errors").GetArrayLength());
        return result;
    }
}
