using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Common;
using Npgsql;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>The batch loader turns N camera lookups of one request level into one <c>WHERE id = ANY(@ids)</c>.</summary>
[Collection(SchemaCollection.Name)]
public sealed class BatchLoaderTests(SchemaFixture fixture)
{
    private string DatabaseName => new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString).Database!;

    [Fact]
    public async Task SightingCameras_SixSightings_CostOneCameraQuery()
    {
        using var sql = new SqlRecorder(DatabaseName);

        var result = await fixture.ExecuteAsync("""
            { vehicle(plate: "59-X1 123.45") { sightings(first: 10) { nodes { camera { id name } } } } }
            """, Callers.Operator);

        var cameras = result.Data("vehicle.sightings.nodes").EnumerateArray().Select(n => n.GetProperty("camera").GetProperty("id").GetString()).ToList();
        Assert.Equal(6, cameras.Count);
        Assert.All(cameras, Assert.NotNull);
        Assert.Equal(1, Loader(result).Batches);
        var query = Assert.Single(sql.Reading("cameras"));
        Assert.Contains("ANY", query);
    }

    [Fact]
    public async Task Cameras_TwoVehiclesAndIncidents_ShareOneBatch()
    {
        using var sql = new SqlRecorder(DatabaseName);

        var result = await fixture.ExecuteAsync("""
            { a: vehicle(plate: "59-X1 123.45") { sightings { nodes { camera { id } } } }
              b: vehicle(plate: "59X112345") { sightings { nodes { camera { id } } } }
              incidents(first: 10) { nodes { sourceCameras { id } } } }
            """, Callers.Operator);

        result.AssertNoErrors();
        // GraphQL.NET resolves every ordinary field it can before it asks pending loader results for values, so the
        // sightings' cameras and the incidents' source cameras, at different depths, still go in one batch.
        Assert.Equal(1, Loader(result).Batches);
        Assert.Single(sql.Reading("cameras"));
    }

    [Fact]
    public async Task IncidentSourceCameras_ManyIncidents_CostOneCameraQuery()
    {
        using var sql = new SqlRecorder(DatabaseName);

        var result = await fixture.ExecuteAsync("{ incidents(first: 20) { nodes { sourceCameras { id } } } }", Callers.Planner);

        result.AssertNoErrors();
        Assert.Equal(1, Loader(result).Batches);
        Assert.Single(sql.Reading("cameras"));
    }

    [Fact]
    public async Task WardPlaceCounts_WholePage_CostOneQueryPerPlaceTable()
    {
        using var sql = new SqlRecorder(DatabaseName);

        var result = await fixture.ExecuteAsync("{ wards(first: 50) { nodes { storeCount schoolCount clinicCount } } }", Callers.Planner);

        Assert.Equal(46, result.Data("wards.nodes").GetArrayLength());
        Assert.Single(sql.Reading("stores"));
        Assert.Single(sql.Reading("schools"));
        Assert.Single(sql.Reading("clinics"));
    }

    private static BatchLoader<string, CameraNode> Loader(GraphResult result) =>
        Assert.IsType<BatchLoader<string, CameraNode>>(result.UserContext[CameraLoader.Name]);
}
