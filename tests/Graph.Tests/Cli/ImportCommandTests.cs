using CityTwin.Graph.Cli;
using CityTwin.Testing;
using System.CommandLine;
using static CityTwin.Testing.ImportTestFiles;

namespace CityTwin.Graph.Tests.Cli;

/// <summary><c>citytwin import</c> end to end: arguments, database, exit codes.</summary>
public sealed class ImportCommandTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly ImportTestFiles files = new();

    [Fact]
    public async Task Import_ValidFile_ExitsZero()
    {
        var file = files.Collection("cli-roads.geojson", Feature("""{"OBJECTID":1}""", Line(106.7519, 10.8025, 106.7530, 10.8031)));

        var exit = await RunAsync("geojson", "--layer", "roads", file);

        Assert.Equal(0, exit);
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM roads WHERE source_id = 'cli-roads:1'"));
    }

    [Fact]
    public async Task Import_RejectedFeature_ExitsTwoAndWritesNothing()
    {
        var file = files.Collection("cli-bad.geojson",
            Feature("""{"OBJECTID":1}""", Line(106.7519, 10.8025, 106.7530, 10.8031)),
            Feature("""{"OBJECTID":2}""", Line(690366.67, 1188117.34, 690402.86, 1188136.26)));

        var exit = await RunAsync("geojson", "--layer", "roads", file);
        var skipped = await RunAsync("geojson", "--layer", "roads", "--skip-invalid", "--dataset", "cli-skip", file);

        Assert.Equal((2, 2), (exit, skipped));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM roads WHERE starts_with(source_id, 'cli-bad:')"));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM roads WHERE starts_with(source_id, 'cli-skip:')"));
    }

    [Fact]
    public async Task Import_UnreadableFileOrUnknownLayer_ExitsNonZero()
    {
        var broken = files.Write("cli-broken.geojson", "{ not json");

        Assert.Equal(1, await RunAsync("geojson", "--layer", "roads", broken));
        Assert.NotEqual(0, await RunAsync("geojson", "--layer", "rivers", broken));
    }

    public void Dispose() => files.Dispose();

    private Task<int> RunAsync(params string[] arguments) =>
        CityTwinCommandLine.Create().Parse(["import", .. arguments, "--db", database.ConnectionString]).InvokeAsync();
}
