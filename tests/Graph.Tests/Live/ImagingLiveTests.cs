using CityTwin.Graph.Auth;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Places;

namespace CityTwin.Graph.Tests.Live;

/// <summary>
/// <c>imagingResults</c> and critical-finding alerts on real subscriptions: the reading published by the clinic grain
/// reaches the clinic's own key only, and the alert reaches operators only.
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class ImagingLiveTests(LiveClusterFixture fixture)
{
    private static int studyCounter = Random.Shared.Next(1000, 9000);

    [Fact]
    public async Task ImagingResults_ClinicKey_ReceivesItsOwnReadingsOnly()
    {
        var (own, other) = (LiveTestCity.NewId("clinic"), LiveTestCity.NewId("clinic"));
        await RegisterClinicAsync(own);
        await RegisterClinicAsync(other);
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0),
            "subscription { imagingResults { clinicId studyInstanceUid pseudonymisedPatientId abnormal turnaroundMs modelVersion findings { label score } } }",
            LiveGraphQL.Clinic(own));
        using var _ = subscription;

        var theirs = Reading();
        var mine = Reading();
        await fixture.Grains.GetGrain<IClinicGrain>(other).RecordAiResultAsync(theirs);
        await fixture.Grains.GetGrain<IClinicGrain>(own).RecordAiResultAsync(mine);

        var received = await recorder.WaitForAsync("imagingResults", e => e.GetProperty("studyInstanceUid").GetString() == mine.StudyInstanceUid);
        Assert.Equal(own, received.GetProperty("clinicId").GetString());
        Assert.Equal("pseudo-9c1e", received.GetProperty("pseudonymisedPatientId").GetString());
        Assert.Equal(820, received.GetProperty("turnaroundMs").GetDouble());
        Assert.Equal("Pneumothorax", received.GetProperty("findings")[0].GetProperty("label").GetString());
        Assert.All(recorder.DataOf("imagingResults"), e => Assert.Equal(own, e.GetProperty("clinicId").GetString()));
    }

    public static TheoryData<string, TwinPrincipal> Forbidden => new()
    {
        { "imagingResults { studyInstanceUid }", LiveGraphQL.Operator },
        { "imagingResults { studyInstanceUid }", LiveGraphQL.Planner },
        { "imagingResults { studyInstanceUid }", LiveGraphQL.Partner },
        { "alerts(kinds: [CRITICAL_FINDING]) { __typename }", LiveGraphQL.Planner },
        { "alerts(kinds: [CRITICAL_FINDING]) { __typename }", LiveGraphQL.Partner },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Subscribe_RoleMayNotSeeImaging_Forbidden(string field, TwinPrincipal caller)
    {
        var result = await LiveGraphQL.ExecuteAsync(fixture.SchemaOf(1), fixture.ServicesOf(1), "subscription { " + field + " }", caller);

        Assert.Null(result.Streams);
        Assert.Equal(["FORBIDDEN"], LiveGraphQL.ErrorCodes(result));
    }

    [Fact]
    public async Task Alerts_CriticalFinding_OperatorGetsClinicAndFindingsWithoutPatient()
    {
        var clinic = LiveTestCity.NewId("clinic");
        await RegisterClinicAsync(clinic);
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0),
            "subscription { alerts(kinds: [CRITICAL_FINDING]) { __typename ... on CriticalFindingAlert { clinicId modelVersion findings { label score } } } }",
            LiveGraphQL.Operator);
        using var _ = subscription;

        await fixture.Grains.GetGrain<IClinicGrain>(clinic).RecordAiResultAsync(Reading());

        var alert = await recorder.WaitForAsync("alerts", e => e.GetProperty("clinicId").GetString() == clinic);
        Assert.Equal("CriticalFindingAlert", alert.GetProperty("__typename").GetString());
        Assert.Equal("Pneumothorax", alert.GetProperty("findings")[0].GetProperty("label").GetString());
        Assert.Equal(1, alert.GetProperty("findings").GetArrayLength());
    }

    private static ImagingResult Reading()
    {
        var uid = $"1.2.826.0.1.3680043.8.498.77.{Interlocked.Increment(ref studyCounter)}";
        var received = DateTimeOffset.UtcNow.AddSeconds(-1);
        return new ImagingResult(uid, true, TimeSpan.FromMilliseconds(820))
        {
            PseudonymisedPatientId = "pseudo-9c1e",
            ReceivedAt = received,
            AnalysedAt = received.AddMilliseconds(820),
            Findings = [new("Pneumothorax", 0.93f), new("Effusion", 0.64f)],
            CriticalFindings = ["Pneumothorax"],
            ModelVersion = "xrv-test",
        };
    }

    private Task RegisterClinicAsync(string id) =>
        fixture.Grains.GetGrain<IClinicGrain>(id).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế " + id, LiveTestCity.AnPhu, LiveTestCity.AnPhuIntersection), ClinicKind.CommuneHealthStation, ["STORESCU"]));
}
