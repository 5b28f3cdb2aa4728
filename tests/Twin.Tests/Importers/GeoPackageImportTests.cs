using CityTwin.Twin.Importers;
using CityTwin.Twin.Spatial;
using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>
/// GeoPackages the test writes itself: the OGC metadata tables plus one feature table of GeoPackage binary geometries.
/// </summary>
public sealed class GeoPackageImportTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly ImportTestFiles files = new();

    [Theory]
    [InlineData(4326)]
    [InlineData(32648)]
    public async Task GeoPackage_PoiTable_ImportsInItsDeclaredSrid(int srid)
    {
        var path = WritePois($"pois-{srid}.gpkg", srid);

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoPackage, ImportLayer.Pois, path));

        ImportTestFiles.AssertClean(result);
        Assert.Equal((srid, 3), (result.SourceSrid, result.Inserted));
        Assert.Equal(3L, await database.ScalarAsync(
            $"SELECT count(*) FROM pois WHERE starts_with(source_id, 'pois-{srid}:') AND category = 'Medical' AND ST_Within(location, ST_MakeEnvelope(106.74, 10.79, 106.77, 10.81, 4326))"));
    }

    [Fact]
    public async Task GeoPackage_NotSqlite_ClearError()
    {
        var path = files.Write("fake.gpkg", "just text");

        var result = await ImportTestFiles.Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoPackage, ImportLayer.Pois, path));

        Assert.Equal("fake.gpkg: not a GeoPackage: the file is not an SQLite database", result.Error);
    }

    public void Dispose() => files.Dispose();

    private string WritePois(string name, int srid)
    {
        var path = files.PathOf(name);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]', NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / UTM zone 48N', 32648, 'EPSG', 32648, 'PROJCS["WGS 84 / UTM zone 48N"]', NULL);
            CREATE TABLE clinics (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, Name TEXT, Type TEXT);
            """);
        Execute(connection, $"INSERT INTO gpkg_contents VALUES ('clinics', 'features', 'clinics', {srid})");
        Execute(connection, $"INSERT INTO gpkg_geometry_columns VALUES ('clinics', 'geom', 'POINT', {srid}, 0, 0)");
        var writer = new GeoPackageGeoWriter();
        for (var i = 0; i < 3; i++)
        {
            Geometry point = GeoFactory.Point(106.75 + i * 0.005, 10.80);
            if (srid == MetricProjection.Utm48NSrid) point = MetricProjection.ToMetric(point);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO clinics (geom, Name, Type) VALUES ($geom, $name, 'Medical')";
            insert.Parameters.AddWithValue("$geom", writer.Write(point));
            insert.Parameters.AddWithValue("$name", $"Trạm y tế {i}");
            insert.ExecuteNonQuery();
        }
        return path;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
