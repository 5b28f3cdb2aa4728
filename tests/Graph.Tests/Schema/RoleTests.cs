using System.Text.Json;
using CityTwin.Graph.Auth;
using GraphQL;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>What each role may read and do, and how plates and clinic details are masked.</summary>
[Collection(SchemaCollection.Name)]
public sealed class RoleTests(SchemaFixture fixture)
{
    public static TheoryData<string> Mutations => new()
    {
        """mutation { addToWatchlist(plate: "59-X1 123.45", reason: "r", reportedBy: "b") { errors { code } } }""",
        """mutation { reportStolenVehicle(plate: "59-X1 123.45", reportedAt: "2024-01-01T06:00:00Z", reportedBy: "b") { errors { code } } }""",
        """mutation { removeFromWatchlist(plate: "59-X1 123.45", removedBy: "b") { errors { code } } }""",
        """mutation { confirmIncident(id: "0d4a7a4e-0000-4000-8000-000000000000", actor: "a") { errors { code } } }""",
        """mutation { dispatchIncident(id: "0d4a7a4e-0000-4000-8000-000000000000", actor: "a") { errors { code } } }""",
        """mutation { arriveOnScene(id: "0d4a7a4e-0000-4000-8000-000000000000", actor: "a") { errors { code } } }""",
        """mutation { resolveIncident(id: "0d4a7a4e-0000-4000-8000-000000000000", actor: "a") { errors { code } } }""",
        """mutation { setCameraStatus(id: "cam-mct-01", online: false) { errors { code } } }""",
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutations_NonOperatorRoles_AreForbidden(string mutation)
    {
        foreach (var caller in new[] { Callers.Planner, Callers.Partner, Callers.Clinic })
        {
            var result = await fixture.ExecuteAsync(mutation, caller);
            Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
            Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("data").EnumerateObject().Single().Value.ValueKind);
        }
    }

    [Theory]
    [InlineData("""{ vehicle(plate: "59X112345") { kind } }""")]
    [InlineData("{ watchlist { nodes { reason } } }")]
    public async Task PlateQueries_Planner_AreForbidden(string query)
    {
        var result = await fixture.ExecuteAsync(query, Callers.Planner);
        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
        Assert.Contains("planner", result.ErrorMessages);
    }

    [Theory]
    [InlineData("{ cameras { nodes { id } } }")]
    [InlineData("{ incidents { nodes { id } } }")]
    [InlineData("{ wards { nodes { code } } }")]
    [InlineData("{ stores { nodes { id } } }")]
    [InlineData("""{ vehicle(plate: "59X112345") { kind } }""")]
    public async Task TwinQueries_ClinicKey_AreForbidden(string query)
    {
        var result = await fixture.ExecuteAsync(query, Callers.Clinic);
        Assert.Equal(["FORBIDDEN"], result.ErrorCodes);
    }

    [Fact]
    public async Task Watchlist_Partner_SeesPlatesMasked()
    {
        await fixture.ExecuteAsync("""mutation { addToWatchlist(plate: "51K-246.80", reason: "stolen", reportedBy: "police") { errors { code } } }""", Callers.Operator);

        var result = await fixture.ExecuteAsync("{ watchlist(first: 200) { nodes { plate plateKey reason } } }", Callers.Partner);

        var entry = result.Data("watchlist.nodes").EnumerateArray().First(n => n.GetProperty("plate").GetString() == "51K-***.80");
        Assert.Equal("51K***80", entry.GetProperty("plateKey").GetString());
        Assert.Equal("stolen", entry.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Clinics_ImagingCounters_OnlyForOperatorsAndTheClinicItself()
    {
        const string query = """{ clinics(first: 20) { nodes { id imaging { aeTitles imagingStudies } } } }""";

        var imagingFor = async (TwinPrincipal caller) => (await fixture.ExecuteAsync(query, caller)).Data("clinics.nodes").EnumerateArray()
            .Where(c => c.GetProperty("imaging").ValueKind != JsonValueKind.Null)
            .Select(c => c.GetProperty("id").GetString())
            .ToList();

        Assert.Equal(8, (await imagingFor(Callers.Operator)).Count);
        Assert.Equal([Callers.ThanhAnClinic], await imagingFor(Callers.Clinic));
        Assert.Empty(await imagingFor(Callers.Planner));
        Assert.Empty(await imagingFor(Callers.Partner));
    }

    [Fact]
    public async Task Clinic_OwnImaging_ShowsItsAeTitles()
    {
        var result = await fixture.ExecuteAsync($$"""{ clinic(id: "{{Callers.ThanhAnClinic}}") { imaging { aeTitles } } }""", Callers.Clinic);
        Assert.Equal(["STORESCU", "ECHOSCU"], result.Data("clinic.imaging.aeTitles").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Query_WithoutCaller_IsForbidden()
    {
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = fixture.Schema,
            Query = "{ cameras { nodes { id } } }",
            RequestServices = fixture.Services,
        });

        Assert.Equal("FORBIDDEN", Assert.Single(result.Errors!).Code);
    }
}
