using CityTwin.Twin.Importers;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>The real District 7 ward polygons, as GeoJSON (WGS84) and as the original shapefile (UTM 48N .prj).</summary>
public sealed class WardImportTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const string Folder = "csl_hcmc_saigon_peninsula";

    /// <summary>Tân Thuận Đông (GSO 27466), and a point inside it near the Tân Thuận export processing zone.</summary>
    private const string TanThuanDong = "27466";
    private const string PointInTanThuanDong = "ST_SetSRID(ST_MakePoint(106.7395, 10.7585), 4326)";

    public static TheoryData<ImportFormat, string[]> Files => new()
    {
        { ImportFormat.GeoJson, [Folder, "District7_wards_Adminitration_Ward.geojson"] },
        { ImportFormat.Shapefile, [Folder, "raw_shp", "District7_wards", "Adminitration_Ward.shp"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task Wards_District7Layer_SetsAllTenBoundaries(ImportFormat format, string[] relative)
    {
        var file = ImportTestFiles.Geo(relative);
        await WardFixtures.RegisterAsync(database, WardFixtures.District7);

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(format, ImportLayer.Wards, file));

        ImportTestFiles.AssertClean(result);
        output.WriteLine($"{format}: SRID {result.SourceSrid}, {result.Inserted + result.Updated} written, {result.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(format == ImportFormat.Shapefile ? 32648 : 4326, result.SourceSrid);
        Assert.Equal(10, result.Accepted);
        Assert.Equal(10L, await database.ScalarAsync(
            "SELECT count(*) FROM wards WHERE district_code = '778' AND boundary IS NOT NULL AND ST_IsValid(boundary)"));
        Assert.Equal(TanThuanDong, await database.ScalarAsync(
            $"SELECT code FROM wards WHERE ST_Contains(boundary, {PointInTanThuanDong})"));
        // The boundary is the importer's column; the grain's version is untouched.
        Assert.Equal(10L, await database.ScalarAsync("SELECT count(*) FROM wards WHERE district_code = '778' AND version = 1"));
    }

    [SkippableFact]
    public async Task Wards_GeoJsonAndShapefile_DescribeTheSameWards()
    {
        var geoJson = ImportTestFiles.Geo(Folder, "District7_wards_Adminitration_Ward.geojson");
        var shapefile = ImportTestFiles.Geo(Folder, "raw_shp", "District7_wards", "Adminitration_Ward.shp");
        await WardFixtures.RegisterAsync(database, WardFixtures.District7);
        var importer = ImportTestFiles.Importer(database);

        ImportTestFiles.AssertClean(await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Wards, geoJson)));
        var geoJsonKm2 = (double)(await database.ScalarAsync(
            $"SELECT ST_Area(ST_Transform(boundary, 32648)) / 1e6 FROM wards WHERE code = '{TanThuanDong}'"))!;
        var again = await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Wards, geoJson));
        ImportTestFiles.AssertClean(await importer.ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Wards, shapefile)));
        var shapefileKm2 = (double)(await database.ScalarAsync(
            $"SELECT ST_Area(ST_Transform(boundary, 32648)) / 1e6 FROM wards WHERE code = '{TanThuanDong}'"))!;

        output.WriteLine($"Tân Thuận Đông: {geoJsonKm2:F4} km² (GeoJSON), {shapefileKm2:F4} km² (shapefile, reprojected)");
        Assert.Equal((0, 10), (again.Updated, again.Unchanged));
        Assert.InRange(shapefileKm2 / geoJsonKm2, 0.999, 1.001);
    }
}
