using System.Text.Json;
using CityTwin.Graph.Execution;
using CityTwin.Graph.Extensions;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Clinics.Forwarding;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;
using CityTwin.Vision.Imaging.Forwarding;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityTwin.Graph.Tests.Schema.Clinics;

/// <summary>
/// <c>ClinicStudy.forwarding</c> and <c>seriesInstanceUid</c> for a page of studies: each field costs one query for the
/// whole page (counted from Npgsql's own tracing), and each study still gets its own rows.
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class ClinicStudyLoaderTests(SchemaFixture fixture)
{
    private const int PageSize = 6;
    private static readonly GraphQLSerializer Serializer = new();

    [Fact]
    public async Task ForwardingAndSeries_PageOfSixStudies_CostOneQueryEach()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddTwinDatabase(fixture.Database.ConnectionString)
            .AddSingleton<IGrainFactory>(fixture.Cluster.Client)
            .AddSingleton(fixture.Cluster.Client)
            // Any configured PACS turns the field on; nothing connects to it here.
            .Configure<PacsOptions>(pacs => (pacs.Host, pacs.Port) = ("127.0.0.1", 4242))
            .AddCityTwinSchema()
            .BuildServiceProvider();
        var studies = await SeedStudiesAsync(services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), PageSize);
        using var sql = new SqlRecorder(new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString).Database!);

        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = $$"""
                { clinic(id: "{{Callers.ThanhAnClinic}}") { studies(first: {{PageSize}}) { nodes {
                  studyInstanceUid seriesInstanceUid forwarding { state attempts lastError } } } } }
                """,
            UserContext = new TwinUserContext(Callers.Clinic),
            RequestServices = services,
        });

        var json = JsonDocument.Parse(Serializer.Serialize(result)).RootElement;
        Assert.True(result.Errors is null or { Count: 0 }, Serializer.Serialize(result));
        var nodes = json.GetProperty("data").GetProperty("clinic").GetProperty("studies").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(PageSize, nodes.Count);
        foreach (var node in nodes)
        {
            var expected = studies[node.GetProperty("studyInstanceUid").GetString()!];
            Assert.Equal(expected.Series, node.GetProperty("seriesInstanceUid").GetString());
            Assert.Equal(expected.State, node.GetProperty("forwarding").GetProperty("state").GetString());
        }
        Assert.Single(sql.Reading("pacs_forwards"));
        Assert.Single(sql.Reading("imaging_instances"));
    }

    /// <summary>Readings recorded through the clinic grain, each with its stored instance; odd ones forwarded, even ones dead-lettered.</summary>
    private async Task<Dictionary<string, (string Series, string State)>> SeedStudiesAsync(IDbContextFactory<TwinDbContext> contexts, int count)
    {
        var clinic = fixture.Cluster.Grains.GetGrain<IClinicGrain>(Callers.ThanhAnClinic);
        var expected = new Dictionary<string, (string, string)>();
        await using var db = await contexts.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            var root = $"1.2.826.0.1.3680043.8.498.77.{Guid.NewGuid().GetHashCode() & 0x7fffffff}";
            var (study, series, sop) = ($"{root}.1", $"{root}.2", $"{root}.3");
            var forwarded = i % 2 == 1;
            db.Add(new ImagingInstanceRow
            {
                SopInstanceUid = sop, StudyInstanceUid = study, SeriesInstanceUid = series, SopClassUid = "1.2.840.10008.5.1.4.1.1.1.1",
                TransferSyntaxUid = "1.2.840.10008.1.2", ClinicId = Callers.ThanhAnClinic, PseudonymisedPatientId = "pseudo-77",
                ReceivedAt = DateTimeOffset.UtcNow, Source = "test", Sha256 = new string('a', 64), Outcome = "Stored",
            });
            db.Add(new PacsForwardRow
            {
                ClinicId = Callers.ThanhAnClinic, StudyInstanceUid = study, Kind = ForwardingState.Image, SourceId = sop, SopInstanceUid = sop,
                State = forwarded ? ForwardingState.Forwarded : ForwardingState.DeadLetter, Attempts = forwarded ? 1 : 6,
                LastError = forwarded ? null : "refused", ForwardedAt = forwarded ? DateTimeOffset.UtcNow : null,
                NextAttemptAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            var received = DateTimeOffset.UtcNow.AddSeconds(-1);
            await clinic.RecordAiResultAsync(new ImagingResult(study, false, TimeSpan.FromMilliseconds(300))
            {
                SopInstanceUid = sop, PseudonymisedPatientId = "pseudo-77", ReceivedAt = received, AnalysedAt = received.AddMilliseconds(300),
                Findings = [new("Effusion", 0.2f)], ModelVersion = "loader-test",
            });
            expected[study] = (series, forwarded ? "FORWARDED" : "DEAD_LETTER");
        }
        return expected;
    }
}
