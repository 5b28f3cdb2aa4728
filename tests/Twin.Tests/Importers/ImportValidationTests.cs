using CityTwin.Twin.Importers;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using static CityTwin.Testing.ImportTestFiles;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>Bad input, hand-written: every feature is checked before anything is written, and file errors never throw.</summary>
public sealed class ImportValidationTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly ImportTestFiles files = new();

    /// <summary>A short road in An Phú, in WGS84 and in UTM 48N metres.</summary>
    private static readonly string Road = Line(106.7519, 10.8025, 106.7530, 10.8031);
    private static readonly string UtmRoad = Line(690366.67, 1188117.34, 690402.86, 1188136.26);

    [Fact]
    public async Task Wards_UnknownCode_RejectedWithCodeAndNothingWritten()
    {
        await WardFixtures.RegisterAsync(database, new Dictionary<string, string> { ["27091"] = "Phường An Phú" }, "Thành phố Thủ Đức", "769");
        var square = Polygon(106.74, 10.79, 106.76, 10.79, 106.76, 10.81, 106.74, 10.81, 106.74, 10.79);
        var file = files.Collection("unknown-ward.geojson",
            Feature("""{"code":"27091","name":"An Phú"}""", square),
            Feature("""{"code":"99999","name":"Nowhere"}""", square));

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Wards, file));

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((1, "99999"), (rejected.Index, rejected.Id));
        Assert.Contains("unknown ward code '99999'", rejected.Reason);
        Assert.False(result.Written);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM wards WHERE boundary IS NOT NULL"));
    }

    [Fact]
    public async Task Districts_BowTiePolygon_RejectedAsInvalid()
    {
        var bowTie = Polygon(106.70, 10.80, 106.71, 10.81, 106.71, 10.80, 106.70, 10.81, 106.70, 10.80);
        var file = files.Collection("bow-tie.geojson", Feature("""{"code":"bowtie","name":"Bow tie"}""", bowTie));

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Districts, file));

        var rejected = Assert.Single(result.Rejected);
        Assert.StartsWith("invalid geometry", rejected.Reason);
        Assert.Contains("Self-intersection", rejected.Reason);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM admin_areas WHERE code = 'bowtie'"));
    }

    [Fact]
    public async Task Roads_UtmCoordinatesWithoutSourceSrid_RejectedAsWrongSrid()
    {
        var file = files.Collection("utm-no-srid.geojson", Feature("""{"OBJECTID":1}""", UtmRoad));

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file));

        Assert.Contains("wrong SRID", Assert.Single(result.Rejected).Reason);
        Assert.Equal(0L, await RoadsAsync("utm-no-srid"));
    }

    [Fact]
    public async Task Roads_LegacyCrsMemberNamingUtm_Reprojected()
    {
        var crs = """{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32648"}}""";
        var feature = Feature("""{"OBJECTID":1,"Name":"Road go to Phu My Bridge"}""", UtmRoad);
        var file = files.Write("utm-crs.geojson", $$"""{"type":"FeatureCollection","crs":{{crs}},"features":[{{feature}}]}""");

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file));

        AssertClean(result);
        Assert.Equal(32648, result.SourceSrid);
        Assert.Equal(1L, await database.ScalarAsync(
            "SELECT count(*) FROM roads WHERE source_id = 'utm-crs:1' AND ST_DWithin(geometry::geography, ST_SetSRID(ST_MakePoint(106.74084, 10.74314), 4326)::geography, 1)"));
    }

    [Fact]
    public async Task Roads_DuplicateIds_AllOccurrencesRejected()
    {
        var file = files.Collection("duplicates.geojson",
            Feature("""{"OBJECTID":5}""", Road), Feature("""{"OBJECTID":6}""", Road), Feature("""{"OBJECTID":5.0}""", Road));

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file));

        Assert.Equal([0, 2], result.Rejected.Select(r => r.Index));
        Assert.All(result.Rejected, r => Assert.Contains("duplicate id 'duplicates:5'", r.Reason));
        Assert.Equal(0L, await RoadsAsync("duplicates"));
    }

    [Fact]
    public async Task Roads_SkipInvalid_WritesValidAndListsInvalid()
    {
        var file = files.Collection("mixed.geojson",
            Feature("""{"OBJECTID":1,"Name":"Mai Chí Thọ"}""", Road),
            Feature("""{"OBJECTID":2}""", Point(106.75, 10.80)),
            Feature("""{"OBJECTID":3}""", UtmRoad),
            Feature("""{"OBJECTID":4,"RoadWidth":"wide"}""", Road),
            Feature("""{"OBJECTID":5,"RoadWidth":32.5}""", Road));
        var options = new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file);

        var strict = await Importer(database).ImportAsync(options);
        var countAfterStrict = await RoadsAsync("mixed");
        var lenient = await Importer(database).ImportAsync(options with { SkipInvalid = true });

        Assert.Equal((false, 0L), (strict.Written, countAfterStrict));
        Assert.True(lenient.Written);
        Assert.Equal(2, lenient.ExitCode);
        Assert.Equal((2, 2), (lenient.Accepted, lenient.Inserted));
        Assert.Equal([1, 2, 3], lenient.Rejected.Select(r => r.Index));
        Assert.Contains("does not fit the roads layer", lenient.Rejected[0].Reason);
        Assert.Contains("wrong SRID", lenient.Rejected[1].Reason);
        Assert.Contains("not a number", lenient.Rejected[2].Reason);
        Assert.Equal(2L, await RoadsAsync("mixed"));
        Assert.Equal(32.5, await database.ScalarAsync("SELECT width_m FROM roads WHERE source_id = 'mixed:5'"));
    }

    [Fact]
    public async Task GeoJson_MalformedJson_ClearErrorAndNoException()
    {
        var file = files.Write("broken.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{""");

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file));

        Assert.StartsWith("broken.geojson: not valid", result.Error);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task GeoJson_WithByteOrderMark_Imports()
    {
        var path = files.PathOf("bom.geojson");
        File.WriteAllText(path, $$"""{"type":"FeatureCollection","features":[{{Feature("""{"OBJECTID":1}""", Road)}}]}""", new System.Text.UTF8Encoding(true));

        AssertClean(await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, path)));
    }

    [Fact]
    public async Task GeoJson_FileOverMaxMb_RefusedBeforeReading()
    {
        // Not JSON at all: an error about the size proves the file was refused before the parser saw it.
        var file = files.Write("huge.geojson", new string('x', 1_200_000));

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file) { MaxMegabytes = 1 });

        Assert.Equal("huge.geojson: file is 1.1 MB, over the limit of 1 MB (raise it with --max-mb)", result.Error);
    }

    [Fact]
    public async Task Import_MissingFile_ClearError()
    {
        var absent = files.PathOf("absent.shp");
        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Roads, absent));

        Assert.Equal($"absent.shp: file not found (looked for {absent})", result.Error);
    }

    [Fact]
    public async Task Roads_GeometryWithZ_StoredIn2D()
    {
        var file = files.Collection("with-z.geojson",
            Feature("""{"OBJECTID":1}""", """{"type":"LineString","coordinates":[[106.7519,10.8025,4.5],[106.7530,10.8031,5.0]]}"""));

        AssertClean(await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, file)));

        Assert.Equal(2, Convert.ToInt32(await database.ScalarAsync("SELECT ST_NDims(geometry) FROM roads WHERE source_id = 'with-z:1'")));
    }

    public void Dispose() => files.Dispose();

    private async Task<long> RoadsAsync(string dataset) =>
        (long)(await database.ScalarAsync($"SELECT count(*) FROM roads WHERE starts_with(source_id, '{dataset}:')"))!;
}
