using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Twin.Importers;

/// <summary>Reads a GeoJSON FeatureCollection with NetTopologySuite.IO.GeoJSON4STJ.</summary>
internal static class GeoJsonSource
{
    public static SourceLayer Read(string path)
    {
        ReadOnlyMemory<byte> bytes = File.ReadAllBytes(path);
        // Windows tools often write a UTF-8 byte order mark, which the span-based JSON readers refuse.
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        // The JSON reader checks UTF-8 only when a string is read, deep in the feature converter: check it all first (found by fuzzing).
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
            throw new ImportFileException(path, "not a valid GeoJSON FeatureCollection: the file is not valid UTF-8");
        var (srid, unrecognised) = DeclaredCrs(path, bytes);
        var options = new JsonSerializerOptions();
        // The converter's factory only carries coordinates here; the SRID is decided after reading.
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection? collection;
        try
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(bytes.Span, options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ImportFileException(path, $"not a valid GeoJSON FeatureCollection: {e.Message}", e);
        }
        if (collection is null)
            throw new ImportFileException(path, "not a valid GeoJSON FeatureCollection: the document is null");

        var features = new List<ImportFeature>(collection.Count);
        foreach (var feature in collection)
            features.Add(new ImportFeature(features.Count, FeatureAttributes.Scalar((feature as IUnique)?.Id), feature.Geometry, Attributes(feature.Attributes)));
        return new SourceLayer(features, srid, unrecognised);
    }

    /// <summary>
    /// The legacy (2008) <c>crs</c> member, which RFC 7946 dropped but real exports such as the UTM road network
    /// still carry; the GeoJSON4STJ converter ignores it, so it is found with a forward-only scan of the top level.
    /// </summary>
    private static (int? Srid, string? Unrecognised) DeclaredCrs(string path, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCrs = reader.ValueTextEquals("crs");
                reader.Read();
                if (!isCrs)
                {
                    reader.Skip();
                    continue;
                }
                using var crs = JsonDocument.ParseValue(ref reader);
                if (crs.RootElement.ValueKind != JsonValueKind.Object
                    || !crs.RootElement.TryGetProperty("properties", out var properties)
                    || properties.ValueKind != JsonValueKind.Object
                    || !properties.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                    return (null, crs.RootElement.GetRawText());
                var text = name.GetString()!;
                return CoordinateSystems.FromCrsName(text) is { } srid ? (srid, null) : (null, text);
            }
            return (null, null);
        }
        catch (JsonException e)
        {
            throw new ImportFileException(path, $"not valid JSON: {e.Message}", e);
        }
    }

    private static Dictionary<string, object?> Attributes(IAttributesTable? table)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (table is null) return values;
        foreach (var name in table.GetNames())
            values[name] = table[name] switch
            {
                null or string or bool or decimal or double or long or int => table[name],
                JsonElementAttributesTable nested => nested.RootElement.GetRawText(),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
        return values;
    }
}
