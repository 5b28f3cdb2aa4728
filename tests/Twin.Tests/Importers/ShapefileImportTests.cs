using CityTwin.Twin.Importers;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>Shapefiles the test writes itself with NTS: the .prj decides the SRID, and a damaged file is a clear error.</summary>
public sealed class ShapefileImportTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private const string Utm48NPrj = """
        PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]
        """;

    private readonly ImportTestFiles files = new();

    [Fact]
    public async Task Shapefile_Utm48NPrj_ReprojectedToWgs84()
    {
        var path = WriteRoads("utm-roads.shp", utm: true, Utm48NPrj);

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Roads, path));

        ImportTestFiles.AssertClean(result);
        Assert.Equal((32648, 3), (result.SourceSrid, result.Inserted));
        Assert.Equal(3L, await database.ScalarAsync(
            "SELECT count(*) FROM roads WHERE starts_with(source_id, 'utm-roads:') AND ST_Within(geometry, ST_MakeEnvelope(106.6, 10.6, 106.9, 10.9, 4326))"));
        Assert.Equal("Đường số 1", await database.ScalarAsync("SELECT name FROM roads WHERE source_id = 'utm-roads:1'"));
    }

    /// <summary>The NTS reader alone would return stale coordinates for a cut-off .shp, so the headers are checked first.</summary>
    [Theory]
    [InlineData(".shp", "truncated or damaged shapefile")]
    [InlineData(".dbf", "truncated or damaged .dbf")]
    public async Task Shapefile_Truncated_ClearErrorAndNothingWritten(string part, string reason)
    {
        var path = WriteRoads($"truncated{part.TrimStart('.')}.shp", utm: false, prj: null);
        using (var cut = File.Open(Path.ChangeExtension(path, part), FileMode.Open))
            cut.SetLength(cut.Length - 30);

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Roads, path));

        Assert.StartsWith($"{Path.GetFileName(path)}: {reason}", result.Error);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM roads WHERE starts_with(source_id, 'truncated')"));
    }

    [Fact]
    public async Task Shapefile_UnknownProjection_AsksForSourceSrid()
    {
        var path = WriteRoads("vn2000.shp", utm: true, """PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]]]]""");

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Roads, path));

        Assert.Contains("unrecognised coordinate system", result.Error);
        Assert.Contains("--source-srid", result.Error);
    }

    public void Dispose() => files.Dispose();

    /// <summary>Three short roads in An Phú written as a polyline shapefile, in UTM 48N metres or WGS84 degrees.</summary>
    private string WriteRoads(string name, bool utm, string? prj)
    {
        var path = files.PathOf(name);
        var features = Enumerable.Range(1, 3).Select(i =>
        {
            var line = GeoFactory.Wgs84.CreateLineString([new(106.75 + i * 0.001, 10.80), new(106.75 + i * 0.001, 10.801)]);
            var geometry = utm ? MetricProjection.ToMetric(line) : line;
            return (IFeature)new Feature(geometry, new AttributesTable { { "OBJECTID", i }, { "Name", $"Đường số {i}" }, { "RoadWidth", 12.5 } });
        });
        Shapefile.WriteAllFeatures(features, path, prj);
        return path;
    }
}
