using CityTwin.Twin.Cameras;
using CityTwin.Twin.Importers;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CityTwin.Testing.ImportTestFiles;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>Cameras from a GeoJSON file: checked like <see cref="CameraDefinition"/>, versioned like grain state, counted by their ward.</summary>
public sealed class CameraImportTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private const string AnPhu = "27091";
    private const string ThaoDien = "27088";
    private readonly ImportTestFiles files = new();

    [Fact]
    public async Task Cameras_NewThenSameThenMoved_VersionsFollowPlacement()
    {
        await RegisterWardsAsync();
        var first = files.Collection("cameras-v1.geojson",
            Anpr("imp-cam-1", AnPhu, 106.7519, 10.8025), Ptz("imp-tower-1", AnPhu, 106.7500, 10.8000));
        var moved = files.Collection("cameras-v2.geojson",
            Anpr("imp-cam-1", ThaoDien, 106.7340, 10.8040), Ptz("imp-tower-1", AnPhu, 106.7500, 10.8000));
        var importer = Importer(database);

        var created = await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Cameras, first));
        var again = await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Cameras, first));
        var move = await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Cameras, moved));

        AssertClean(created);
        Assert.Equal((2, 0, 0), (created.Inserted, again.Inserted + again.Updated, move.Inserted));
        Assert.Equal((1, 1), (move.Updated, move.Unchanged));
        await using var db = database.CreateContext();
        var camera = await db.Set<CameraRow>().SingleAsync(c => c.Id == "imp-cam-1");
        var tower = await db.Set<CameraRow>().SingleAsync(c => c.Id == "imp-tower-1");
        Assert.Equal((2, ThaoDien, CameraKind.AnprFixed), (camera.Version, camera.WardCode, camera.Kind));
        Assert.Equal((1, 360d), (tower.Version, tower.FieldOfViewDeg));
        Assert.True(tower.ViewArea.Contains(tower.Location) && camera.ViewArea.Area < tower.ViewArea.Area);
        // The ward lists follow the cameras, as the camera grain keeps them when it registers.
        Assert.Equal(["imp-tower-1"], (await db.Set<Wards.WardRow>().SingleAsync(w => w.Code == AnPhu)).CameraIds);
        Assert.Equal(["imp-cam-1"], (await db.Set<Wards.WardRow>().SingleAsync(w => w.Code == ThaoDien)).CameraIds);
    }

    [Fact]
    public async Task Cameras_UnknownWardOrBadField_Rejected()
    {
        await RegisterWardsAsync();
        var file = files.Collection("bad-cameras.geojson",
            Anpr("imp-bad-ward", "00000", 106.7519, 10.8025),
            Feature("""{"id":"imp-bad-heading","name":"x","ward_code":"27091","kind":"AnprFixed","mount_height_m":7,"heading_deg":400,"fov_deg":60,"range_m":100}""", Point(106.75, 10.80)),
            Feature("""{"id":"imp-no-range","name":"x","ward_code":"27091","kind":"Overview","mount_height_m":7,"heading_deg":10,"fov_deg":60}""", Point(106.75, 10.80)),
            Feature("""{"id":"imp-bad-kind","name":"x","ward_code":"27091","kind":"Drone","mount_height_m":7,"heading_deg":10,"fov_deg":60,"range_m":100}""", Point(106.75, 10.80)));

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Cameras, file));

        Assert.Equal(4, result.Rejected.Count);
        Assert.Contains("unknown ward code '00000'", result.Rejected[0].Reason);
        Assert.Contains("heading 400° is outside 0..360", result.Rejected[1].Reason);
        Assert.Contains("required attribute missing: range_m", result.Rejected[2].Reason);
        Assert.Contains("unknown kind 'Drone'", result.Rejected[3].Reason);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM cameras WHERE id LIKE 'imp-b%' OR id = 'imp-no-range'"));
    }

    public void Dispose() => files.Dispose();

    private Task RegisterWardsAsync() =>
        WardFixtures.RegisterAsync(database, new Dictionary<string, string> { [AnPhu] = "Phường An Phú", [ThaoDien] = "Phường Thảo Điền" }, "Thành phố Thủ Đức", "769");

    private static string Anpr(string id, string ward, double lon, double lat) =>
        Feature($$"""{"id":"{{id}}","name":"ANPR {{id}}","ward_code":"{{ward}}","kind":"AnprFixed","mount_height_m":7,"heading_deg":90,"fov_deg":60,"range_m":100,"road":"Mai Chí Thọ"}""", Point(lon, lat));

    private static string Ptz(string id, string ward, double lon, double lat) =>
        Feature($$"""{"id":"{{id}}","name":"Tower {{id}}","wardCode":"{{ward}}","kind":"ptz360","mountHeightM":40,"rangeM":1000}""", Point(lon, lat));
}
