using CityTwin.Twin.Importers;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>The District 7 points of interest (commercial, education, greenery, medical) into <c>pois</c>.</summary>
public sealed class PoiImportTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Folder = "csl_hcmc_saigon_peninsula";

    [SkippableTheory]
    [InlineData("POIs_Interactive_Commercial_Services.geojson", 339)]
    [InlineData("POIs_Interactive_Education.geojson", 28)]
    [InlineData("POIs_Interactive_Greenery.geojson", 184)]
    [InlineData("POIs_Interactive_Medical.geojson", 1)]
    [InlineData("POIs_Noninteractive_Commercial_Services.geojson", 1429)]
    [InlineData("POIs_Noninteractive_Education.geojson", 72)]
    [InlineData("POIs_Noninteractive_Greenery.geojson", 267)]
    [InlineData("POIs_Noninteractive_Medical.geojson", 3)]
    public async Task Pois_GeoJsonFile_ImportsEveryPoint(string name, int count)
    {
        var file = ImportTestFiles.Geo(Folder, name);

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Pois, file));

        ImportTestFiles.AssertClean(result);
        Assert.Equal(count, result.Accepted);
        var dataset = Path.GetFileNameWithoutExtension(name);
        Assert.Equal((long)count, await database.ScalarAsync($"SELECT count(*) FROM pois WHERE starts_with(source_id, '{dataset}:')"));
    }

    [SkippableFact]
    public async Task Pois_ShapefileWithCategoryOption_UsesTheCategory()
    {
        var file = ImportTestFiles.Geo(Folder, "raw_shp", "POIs_Noninteractive", "Medical.shp");

        var result = await ImportTestFiles.Importer(database).ImportAsync(
            new ImportOptions(ImportFormat.Shapefile, ImportLayer.Pois, file) { Category = "clinic", Dataset = "d7-medical-shp" });

        ImportTestFiles.AssertClean(result);
        Assert.Equal(4326, result.SourceSrid);
        Assert.Equal(3L, await database.ScalarAsync("SELECT count(*) FROM pois WHERE category = 'clinic' AND starts_with(source_id, 'd7-medical-shp:')"));
    }
}
