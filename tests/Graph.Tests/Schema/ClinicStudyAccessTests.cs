using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Twin.Clinics;

namespace CityTwin.Graph.Tests.Schema;

/// <summary><c>Clinic.studies</c>: study details with pseudonymised patient ids, for the clinic's own key only.</summary>
[Collection(SchemaCollection.Name)]
public sealed class ClinicStudyAccessTests(SchemaFixture fixture)
{
    private const string Query = """
        query($after: String) { clinic(id: "clinic-tram-y-te-thanh-an") {
          studies(first: 2, after: $after) { nodes { studyInstanceUid pseudonymisedPatientId abnormal turnaroundMs modelVersion findings { label score } }
                                            pageInfo { hasNextPage endCursor } } } }
        """;

    [Fact]
    public async Task Studies_ClinicsOwnKey_NewestFirstAndPaged()
    {
        var uids = await RecordReadingsAsync(3);

        var first = await fixture.ExecuteAsync(Query, Callers.Clinic);
        var cursor = first.Data("clinic.studies.pageInfo.endCursor").GetString();
        var second = await fixture.ExecuteAsync(Query, Callers.Clinic, new { after = cursor });

        var page1 = first.Data("clinic.studies.nodes").EnumerateArray().ToList();
        Assert.Equal([uids[2], uids[1]], page1.Select(n => n.GetProperty("studyInstanceUid").GetString()));
        Assert.True(first.Data("clinic.studies.pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(uids[0], second.Data("clinic.studies.nodes.0.studyInstanceUid").GetString());
        Assert.Equal("pseudo-5d20", page1[0].GetProperty("pseudonymisedPatientId").GetString());
        Assert.Equal("Cardiomegaly", page1[0].GetProperty("findings")[0].GetProperty("label").GetString());
        Assert.Equal(0.8, page1[0].GetProperty("findings")[0].GetProperty("score").GetDouble(), 5);
    }

    [Fact]
    public async Task Studies_OtherRolesAndOtherClinics_SeeNullButOperatorsKeepCounters()
    {
        await RecordReadingsAsync(1);

        foreach (var caller in new[] { Callers.Operator, Callers.Planner, Callers.Partner, new TwinPrincipal("key-other", TwinRole.Clinic, "clinic-other") })
        {
            var result = await fixture.ExecuteAsync(Query, caller);
            Assert.Empty(result.ErrorCodes);
            Assert.Equal(JsonValueKind.Null, result.Data("clinic.studies").ValueKind);
        }
        var counters = await fixture.ExecuteAsync("""{ clinic(id: "clinic-tram-y-te-thanh-an") { imaging { aiResults } } }""", Callers.Operator);
        Assert.True(counters.Data("clinic.imaging.aiResults").GetInt32() >= 1);
    }

    private async Task<List<string>> RecordReadingsAsync(int count)
    {
        var clinic = fixture.Cluster.Grains.GetGrain<IClinicGrain>(Callers.ThanhAnClinic);
        var uids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var uid = $"1.2.826.0.1.3680043.8.498.55.{Guid.NewGuid().GetHashCode() & 0x7fffffff}";
            var received = DateTimeOffset.UtcNow.AddSeconds(-1);
            await clinic.RecordAiResultAsync(new ImagingResult(uid, true, TimeSpan.FromMilliseconds(700))
            {
                PseudonymisedPatientId = "pseudo-5d20",
                ReceivedAt = received,
                AnalysedAt = received.AddMilliseconds(700),
                Findings = [new("Cardiomegaly", 0.8f)],
                ModelVersion = "xrv-test",
            });
            uids.Add(uid);
        }
        return uids;
    }
}
