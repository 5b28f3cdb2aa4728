using CityTwin.Twin.Importers;
using CityTwin.Twin.Layers;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>City and district outlines from the government boundary data into <c>admin_areas</c>.</summary>
public sealed class DistrictImportTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    /// <summary>The official area of Thành phố Thủ Đức.</summary>
    private const double ThuDucSquareKilometres = 211.56;

    [SkippableFact]
    public async Task Districts_ThuDucOutline_MeasuresOfficialAreaInUtm48N()
    {
        var file = ImportTestFiles.Geo("dvhcvn_gso_gis_2021", "thu_duc_city_boundary_union.geojson");

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Districts, file));

        ImportTestFiles.AssertClean(result);
        Assert.Equal(1, result.Accepted);
        var postGisKm2 = (double)(await database.ScalarAsync(
            "SELECT ST_Area(ST_Transform(geometry, 32648)) / 1e6 FROM admin_areas WHERE code = '769'"))!;
        await using var db = database.CreateContext();
        var area = await db.Set<AdminAreaRow>().SingleAsync(a => a.Code == "769");
        var ntsKm2 = MetricProjection.AreaSquareKilometres(area.Geometry);
        output.WriteLine($"Thu Duc City: PostGIS {postGisKm2:F3} km², MetricProjection {ntsKm2:F3} km²");
        Assert.InRange(postGisKm2, ThuDucSquareKilometres - 0.5, ThuDucSquareKilometres + 0.5);
        Assert.InRange(ntsKm2, ThuDucSquareKilometres - 0.5, ThuDucSquareKilometres + 0.5);
        Assert.Equal("city", area.Level);
        Assert.Equal("Thành phố Thủ Đức", area.Name);
    }

    [SkippableFact]
    public async Task Districts_Pre2021File_ImportsEveryDistrictOnce()
    {
        var file = ImportTestFiles.Geo("dvhcvn_gso_gis_2021", "hcmc_districts_pre2021.geojson");
        var importer = ImportTestFiles.Importer(database);
        var options = new ImportOptions(ImportFormat.GeoJson, ImportLayer.Districts, file);

        var first = await importer.ImportAsync(options);
        var again = await importer.ImportAsync(options);

        ImportTestFiles.AssertClean(first);
        Assert.Equal(24, first.Accepted);
        Assert.Equal(0, again.Inserted + again.Updated);
        Assert.Equal(24, again.Unchanged);
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM admin_areas WHERE code = '778' AND name = 'Quận 7' AND level = 'district'"));
    }
}
