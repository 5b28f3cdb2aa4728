using CityTwin.Graph.Cli;
using CityTwin.Testing;
using System.CommandLine;
using static CityTwin.Testing.ImportTestFiles;

namespace CityTwin.Graph.Tests.Cli;

/// <summary><c>citytwin plan cameras</c> end to end: a real database, exit codes for each bad input, the export.</summary>
public sealed class PlanCommandTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly ImportTestFiles files = new();

    [Fact]
    public async Task Plan_BadInput_ExitsTwoBeforeAnyWork()
    {
        Assert.Equal(2, await RunAsync("--count", "0", "--kind", "ptz360"));
        Assert.Equal(2, await RunAsync("--count", "1", "--kind", "ptz360", "--time-limit", "0"));
        var bowTie = files.Write("cli-bowtie.geojson", """{"type":"Polygon","coordinates":[[[106.70,10.80],[106.72,10.82],[106.72,10.80],[106.70,10.82],[106.70,10.80]]]}""");
        Assert.Equal(2, await RunAsync("--count", "1", "--kind", "ptz360", "--area", bowTie));
        Assert.Equal(2, await RunAsync("--count", "1", "--kind", "ptz360", "--export", "plan.txt"));
        Assert.NotEqual(0, await RunAsync("--count", "1", "--kind", "fisheye"));
    }

    [Fact]
    public async Task Plan_UnreachableDatabase_ExitsOne()
    {
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Database=none;Username=none;Password=none;Timeout=2";
        var exit = await CityTwinCommandLine.Create().Parse(["plan", "cameras", "--count", "1", "--kind", "ptz360", "--db", unreachable]).InvokeAsync();
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Plan_RoadsInAWard_ExitsZeroAndExportsTheSites()
    {
        // Before any road: refused. Then two crossing streets near a ward's label point (inside its approximate cell).
        Assert.Equal(2, await RunAsync("--count", "1", "--kind", "ptz360"));
        await database.ScalarAsync("""
            INSERT INTO wards (code, name, district_name, district_code, label_point, camera_ids, open_incident_ids, version, updated_at)
            VALUES ('26794', 'Linh Xuân', 'Thành phố Thủ Đức', '769', ST_SetSRID(ST_MakePoint(106.7720, 10.8790), 4326), '{}', '{}', 1, now()),
                   ('26797', 'Bình Chiểu', 'Thành phố Thủ Đức', '769', ST_SetSRID(ST_MakePoint(106.7300, 10.8800), 4326), '{}', '{}', 1, now())
            """);
        var roads = files.Collection("cli-plan-roads.geojson",
            Feature("""{"OBJECTID":1,"RoadWidth":40}""", Line(106.7680, 10.8790, 106.7760, 10.8790)),
            Feature("""{"OBJECTID":2,"RoadWidth":12}""", Line(106.7720, 10.8750, 106.7720, 10.8830)));
        Assert.Equal(0, await CityTwinCommandLine.Create().Parse(["import", "geojson", "--layer", "roads", roads, "--db", database.ConnectionString]).InvokeAsync());
        var export = Path.Combine(Path.GetTempPath(), $"cli-plan-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(0, await RunAsync("--count", "2", "--kind", "sector", "--time-limit", "5", "--export", export));
            var lines = (await File.ReadAllLinesAsync(export)).Where(l => l.Length > 0).ToList();
            Assert.Equal(3, lines.Count);
            Assert.StartsWith("rank,longitude,latitude", lines[0]);
            Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM camera_plans"));
        }
        finally
        {
            File.Delete(export);
        }
    }

    public void Dispose() => files.Dispose();

    private Task<int> RunAsync(params string[] arguments) =>
        CityTwinCommandLine.Create().Parse(["plan", "cameras", .. arguments, "--db", database.ConnectionString]).InvokeAsync();
}
