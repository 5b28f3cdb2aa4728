using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Tests.Live;
using GraphQL;

namespace CityTwin.Graph.Tests.Auth.AccessPolicy;

/// <summary>
/// The role matrix, one case per role × capability, on a real two-silo cluster with PostGIS: what <c>me</c> reports
/// to the client, and that the field or subscription guarded by the capability really answers or refuses.
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class RoleMatrixTests(LiveClusterFixture fixture)
{
    /// <summary>A document that only a role with the capability may run; null where a REST endpoint or a masking rule guards it.</summary>
    private static string? Probe(Capability capability) => capability switch
    {
        Capability.Cameras => "{ cameras(first: 1) { nodes { id } } }",
        Capability.Wards => "{ wards(first: 1) { nodes { code } } }",
        Capability.Incidents => "{ incidents(first: 1) { nodes { id } } }",
        Capability.Places => "{ stores(first: 1) { nodes { id } } }",
        Capability.Clinics => "{ clinics(first: 1) { nodes { id } } }",
        Capability.TrackVehicles => """{ vehicle(plate: "59-X1 123.45") { kind } }""",
        Capability.ReadWatchlist => "{ watchlist(first: 1) { nodes { reason } } }",
        Capability.SearchWatchlist => """{ watchlist(plate: "59-X1 123.45") { nodes { reason } } }""",
        Capability.FollowSightings => "subscription { sightings { plate } }",
        Capability.WatchlistHits => "subscription { alerts(kinds: [WATCHLIST_HIT]) { __typename } }",
        Capability.WatchlistChanges => """subscription { entityChanged(kinds: ["watchlist"]) { entityId } }""",
        Capability.CriticalFindings => "subscription { alerts(kinds: [CRITICAL_FINDING]) { __typename } }",
        Capability.ImagingResults => "subscription { imagingResults { studyInstanceUid } }",
        Capability.Act => """mutation { setCameraStatus(id: "cam-matrix-none", online: true) { errors { code } } }""",
        Capability.SubmitPlateReads => $$"""mutation { recordPlateReads(reads: [{ cameraId: "{{RoleMatrix.CameraId}}", seenAt: "2000-01-01T00:00:00Z", plate: "x", confidence: 2, idempotencyKey: "k" }]) { accepted } }""",
        Capability.SubmitCameraEvents => $$"""mutation { reportCameraEvents(events: [{ cameraId: "{{RoleMatrix.CameraId}}", kind: "smoke", observedAt: "2000-01-01T00:00:00Z", confidence: 2, idempotencyKey: "k" }]) { accepted } }""",
        Capability.AuditTrail => """{ auditTrail(plate: "59-X1 123.45") { operation } }""",
        Capability.MarketTotals => $$"""{ marketReconciliation(id: "{{RoleMatrix.MarketId}}") { exact } }""",
        Capability.MarketOffice => $$"""mutation { recordMarketOrders(marketId: "{{RoleMatrix.MarketId}}", orders: []) { accepted } }""",
        Capability.Lessons => "{ lessons { id } }",
        Capability.ManageLessons => """mutation { setUnfilledTeacherPosts(schoolId: "school-matrix-none", posts: 1) { errors { code } } }""",
        Capability.Coverage => """{ cameraPlan(id: "plan-matrix-none") { id } }""",
        Capability.PlanCameras => """mutation { adoptPlan(planId: "plan-matrix-none") { errors { code } } }""",
        Capability.AcknowledgeAlerts => """mutation { acknowledgeAlert(id: "00000000-0000-0000-0000-000000000000") { errors { code } } }""",
        _ => null,
    };

    [Theory]
    [MemberData(nameof(RoleMatrix.Cases), MemberType = typeof(RoleMatrix))]
    public async Task Me_RoleAndCapability_ReportedAsTheReadmeMatrix(TwinRole role, Capability capability, bool allowed)
    {
        var result = LiveGraphQL.Serialize(await LiveGraphQL.ExecuteAsync(fixture.FullSchema, fixture.FullServices,
            "{ me { role capabilities } }", RoleMatrix.Caller(role)));

        var me = result.GetProperty("data").GetProperty("me");
        Assert.Equal(role.ToString().ToLowerInvariant(), me.GetProperty("role").GetString());
        var name = System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(capability.ToString());
        Assert.Equal(allowed, me.GetProperty("capabilities").EnumerateArray().Any(c => c.GetString() == name));
    }

    [Theory]
    [MemberData(nameof(RoleMatrix.Cases), MemberType = typeof(RoleMatrix))]
    public async Task Probe_RoleAndCapability_AnswersOrRefusesAsTheReadmeMatrix(TwinRole role, Capability capability, bool allowed)
    {
        Assert.Equal(allowed, Access.Allows(RoleMatrix.Caller(role), capability));
        if (Probe(capability) is not { } document) return;

        var result = await LiveGraphQL.ExecuteAsync(fixture.FullSchema, fixture.FullServices, document, RoleMatrix.Caller(role));
        result.Streams?.Values.ToList().ForEach(s => s.Subscribe(new Ignore()).Dispose());

        var codes = LiveGraphQL.ErrorCodes(result);
        var refused = codes.Contains("FORBIDDEN") || codes.Contains("UNAUTHENTICATED");
        Assert.True(allowed != refused, $"{role} × {capability}: expected {(allowed ? "allowed" : "refused")}, got {JsonSerializer.Serialize(codes)}");
    }

    [Fact]
    public void PerEntityRules_ClinicAndCameraKeys_OnlyTheirOwn()
    {
        var other = new TwinPrincipal("matrix-other-clinic", TwinRole.Clinic, "clinic-other");
        Assert.False(Access.CanSeeImaging(other, RoleMatrix.ClinicId));
        Assert.True(Access.CanSeeImaging(RoleMatrix.Caller(TwinRole.Clinic), RoleMatrix.ClinicId));
        Assert.False(Access.CanSeeClinicResults(RoleMatrix.Caller(TwinRole.Operator), RoleMatrix.ClinicId));
        Assert.False(Access.CanSubmitReadsFor(RoleMatrix.Caller(TwinRole.Camera), "cam-mct-02"));
        Assert.True(Access.CanSubmitReadsFor(RoleMatrix.Caller(TwinRole.Camera), RoleMatrix.CameraId));
        Assert.True(Access.CanSeeMarket(RoleMatrix.Caller(TwinRole.Market), RoleMatrix.MarketId));
        Assert.False(Access.CanSeeMarket(RoleMatrix.Caller(TwinRole.Market), "store-cho-thu-duc"));
        Assert.False(Access.CanRunMarket(RoleMatrix.Caller(TwinRole.Market), "store-cho-thu-duc"));
        Assert.True(Access.CanRunMarket(RoleMatrix.Caller(TwinRole.Operator), "store-cho-thu-duc"));
    }

    private sealed class Ignore : IObserver<ExecutionResult>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(ExecutionResult value) { }
    }
}
