using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Reads one feature table of an OGC GeoPackage: SQLite rows whose geometry column holds GeoPackage binary,
/// decoded by <see cref="GeoPackageGeoReader"/>. The table's SRS comes from <c>gpkg_spatial_ref_sys</c>.
/// </summary>
internal static class GeoPackageSource
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    public static SourceLayer Read(string path, string? table)
    {
        EnsureSqlite(path);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var (name, column, srsId) = FeatureTable(connection, path, table);
            var (srid, unrecognised) = SpatialReference(connection, srsId);
            var primaryKey = PrimaryKey(connection, name);
            // Rings are read as stored: an unclosed ring must fail validation, not be closed quietly.
            var reader = new GeoPackageGeoReader { RepairRings = false };
            var features = new List<ImportFeature>();
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {Quote(name)}";
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                NetTopologySuite.Geometries.Geometry? geometry = null;
                string? id = null;
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var field = rows.GetName(i);
                    var value = rows.IsDBNull(i) ? null : rows.GetValue(i);
                    if (string.Equals(field, column, StringComparison.OrdinalIgnoreCase))
                        geometry = value is byte[] blob ? reader.Read(blob) : null;
                    else if (string.Equals(field, primaryKey, StringComparison.OrdinalIgnoreCase))
                        id = Convert.ToString(value, CultureInfo.InvariantCulture);
                    else
                        attributes[field] = value is byte[] ? null : value;
                }
                features.Add(new ImportFeature(features.Count, id, geometry is { IsEmpty: false } ? geometry : null, attributes));
            }
            return new SourceLayer(features, srid, unrecognised);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or ArgumentException or ParseException or IOException)
        {
            throw new ImportFileException(path, $"unreadable GeoPackage: {e.Message}", e);
        }
    }

    private static void EnsureSqlite(string path)
    {
        var header = new byte[SqliteMagic.Length];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(SqliteMagic))
                throw new ImportFileException(path, "not a GeoPackage: the file is not an SQLite database");
        }
    }

    private static (string Table, string Column, int SrsId) FeatureTable(SqliteConnection connection, string path, string? wanted)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name";
        var tables = new List<(string, string, int)>();
        using (var rows = command.ExecuteReader())
            while (rows.Read()) tables.Add((rows.GetString(0), rows.GetString(1), rows.GetInt32(2)));
        if (wanted is not null)
            return tables.FirstOrDefault(t => string.Equals(t.Item1, wanted, StringComparison.OrdinalIgnoreCase)) is { Item1: not null } found
                ? found
                : throw new ImportFileException(path, $"no feature table '{wanted}' (tables: {string.Join(", ", tables.Select(t => t.Item1))})");
        return tables.Count switch
        {
            1 => tables[0],
            0 => throw new ImportFileException(path, "the GeoPackage has no feature table"),
            _ => throw new ImportFileException(path, $"the GeoPackage has {tables.Count} feature tables ({string.Join(", ", tables.Select(t => t.Item1))}); name one with --table"),
        };
    }

    private static (int? Srid, string? Unrecognised) SpatialReference(SqliteConnection connection, int srsId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var rows = command.ExecuteReader();
        if (!rows.Read()) return (srsId > 0 ? srsId : null, null);
        if (string.Equals(rows.GetString(0), "EPSG", StringComparison.OrdinalIgnoreCase)) return (rows.GetInt32(1), null);
        var definition = rows.IsDBNull(2) ? "" : rows.GetString(2);
        // srs_id 0 and -1 are the spec's "undefined" systems: no declaration, so the default (or the option) applies.
        if (srsId <= 0 || definition is "" or "undefined") return (null, null);
        return CoordinateSystems.FromWkt(definition) is { } srid ? (srid, null) : (null, definition);
    }

    private static string? PrimaryKey(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info({Literal(table)}) WHERE pk > 0 ORDER BY pk LIMIT 1";
        return command.ExecuteScalar() as string;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
