using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Places;
using CityTwin.Twin.Tests.Infrastructure;

namespace CityTwin.Twin.Tests.Clinics;

[Collection(TwinClusterCollection.Name)]
public sealed class ClinicStudyTests(TwinClusterFixture fixture)
{
    private static int studyCounter = Random.Shared.Next(1000, 9000);

    private async Task<IClinicGrain> NewClinicAsync()
    {
        await TestCity.RegisterWardsAsync(fixture.Grains);
        var clinic = fixture.Grains.GetGrain<IClinicGrain>(TestCity.NewId("clinic"));
        await clinic.RegisterAsync(new ClinicDefinition(new Place("Trạm Y tế An Phú", TestCity.AnPhu, TestCity.AnPhuIntersection), ClinicKind.CommuneHealthStation, ["STORESCU"]));
        return clinic;
    }

    private static ImagingResult Reading(bool critical = false)
    {
        var uid = $"1.2.826.0.1.3680043.8.498.{Interlocked.Increment(ref studyCounter)}";
        var received = DateTimeOffset.UtcNow.AddSeconds(-2);
        List<ImagingFinding> findings = critical ? [new("Pneumothorax", 0.91f), new("Effusion", 0.7f)] : [new("Effusion", 0.7f)];
        return new ImagingResult(uid, true, TimeSpan.FromMilliseconds(640))
        {
            SopInstanceUid = uid + ".1.1",
            PseudonymisedPatientId = "pseudo-42",
            ReceivedAt = received,
            AnalysedAt = received.AddMilliseconds(640),
            Findings = findings,
            ModelVersion = "xrv-densenet121-test",
            CriticalFindings = critical ? ["Pneumothorax"] : [],
        };
    }

    [Fact]
    public async Task RecordAiResult_Reading_InHistoryTableAndReloadedByAFreshCluster()
    {
        var clinic = await NewClinicAsync();
        var reading = Reading() with { ModelName = "thanh-an-site-model", Clinical = true };

        await clinic.RecordAiResultAsync(reading);
        await clinic.RecordAiResultAsync(reading);

        var id = clinic.GetPrimaryKeyString();
        Assert.Equal(1L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM clinic_studies WHERE clinic_id = '{id}'"));
        Assert.Equal("pseudo-42", await fixture.Database.ScalarAsync($"SELECT pseudonymised_patient_id FROM clinic_studies WHERE clinic_id = '{id}'"));
        await using var fresh = await TwinTestCluster.StartAsync(fixture.Database);
        var reloaded = await fresh.Grains.GetGrain<IClinicGrain>(id).GetAsync();
        var study = Assert.Single(reloaded!.RecentStudies);
        Assert.Equal(reading.StudyInstanceUid, study.StudyInstanceUid);
        Assert.Equal(reading.Findings, study.Findings);
        Assert.Equal(1, reloaded.AiResults);
        // The provenance survives the round trip (clinical is true here: false is also the default, so it proves nothing).
        Assert.Equal("thanh-an-site-model", study.ModelName);
        Assert.True(study.Clinical);
        Assert.Equal("t|thanh-an-site-model",
            await fixture.Database.ScalarAsync($"SELECT (CASE WHEN clinical THEN 't' ELSE 'f' END) || '|' || model_name FROM clinic_studies WHERE clinic_id = '{id}'"));
    }

    [Fact]
    public async Task RecordAiResult_MoreThanCapacity_StateKeepsTheLatestHistoryKeepsAll()
    {
        var clinic = await NewClinicAsync();
        var readings = Enumerable.Range(0, ClinicState.RecentStudyCapacity + 5).Select(_ => Reading()).ToList();

        foreach (var reading in readings) await clinic.RecordAiResultAsync(reading);

        var state = await clinic.GetAsync();
        Assert.Equal(readings.Skip(5).Select(r => r.StudyInstanceUid), state!.RecentStudies.Select(s => s.StudyInstanceUid));
        Assert.Equal((long)readings.Count, await fixture.Database.ScalarAsync($"SELECT count(*) FROM clinic_studies WHERE clinic_id = '{clinic.GetPrimaryKeyString()}'"));
    }

    [Fact]
    public async Task RecordAiResult_CriticalFinding_PublishesResultThenAlertWithoutPatientOrStudy()
    {
        var clinic = await NewClinicAsync();
        var results = await fixture.Cluster.RecordAsync(TwinStreams.ImagingResults);
        var alerts = await fixture.Cluster.RecordAsync(TwinStreams.Alerts);
        var reading = Reading(critical: true);

        await clinic.RecordAiResultAsync(reading);

        var recorded = await results.WaitForAsync<ImagingResultRecorded>(e => e.Result.StudyInstanceUid == reading.StudyInstanceUid);
        Assert.Equal(clinic.GetPrimaryKeyString(), recorded.EntityId);
        var alert = await alerts.WaitForAsync<CriticalFinding>(a => a.EntityId == clinic.GetPrimaryKeyString());
        Assert.Equal([new ImagingFinding("Pneumothorax", 0.91f)], alert.Findings);
        Assert.Equal(TestCity.AnPhuIntersection, alert.Location);
    }

    [Fact]
    public async Task RecordAiResult_CriticalLabelNotAmongFindings_Refused()
    {
        var clinic = await NewClinicAsync();
        var reading = Reading() with { CriticalFindings = ["Pneumothorax"] };

        var refused = await Assert.ThrowsAsync<TwinValidationException>(() => clinic.RecordAiResultAsync(reading));

        Assert.Contains("a critical finding must be one of the findings", refused.Message);
    }
}
