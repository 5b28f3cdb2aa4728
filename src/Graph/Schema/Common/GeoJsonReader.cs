using System.Text.Json;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// RFC 7946 geometry JSON to and from NTS, through NetTopologySuite.IO.GeoJSON4STJ. Input is WGS84 by definition;
/// anything outside WGS84 ranges, invalid, or larger than the limits is refused with a reason.
/// </summary>
public static class GeoJsonReader
{
    /// <summary>Vertices accepted in one input geometry; an area filter needs far fewer.</summary>
    public const int MaxVertices = 10_000;

    private static readonly JsonSerializerOptions Json = CreateOptions();

    /// <summary>Reads a GeoJSON geometry object (SRID 4326) or throws <see cref="FormatException"/> with the reason.</summary>
    public static Geometry Read(string json)
    {
        Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(json, Json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new FormatException($"not a GeoJSON geometry: {e.Message}");
        }
        if (geometry is null) throw new FormatException("not a GeoJSON geometry: null");
        if (geometry.NumPoints > MaxVertices) throw new FormatException($"GeoJSON geometry has {geometry.NumPoints} vertices; at most {MaxVertices} are accepted");
        geometry.SRID = GeoFactory.Wgs84Srid;
        try
        {
            GeoFactory.EnsureWgs84(geometry, "GeoJSON geometry");
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message);
        }
        if (!geometry.IsValid) throw new FormatException("GeoJSON geometry is not valid (self-intersecting or degenerate)");
        return geometry;
    }

    /// <summary>Writes a geometry as a GeoJSON object tree (for the response serializer).</summary>
    public static JsonElement Write(Geometry geometry)
    {
        GeoFactory.EnsureWgs84(geometry);
        return JsonSerializer.SerializeToElement(geometry, Json);
    }

    /// <summary>A rectangle polygon from [west, south, east, north], as map clients send their viewport.</summary>
    public static Polygon FromBoundingBox(IReadOnlyList<double> bbox)
    {
        if (bbox.Count != 4) throw new FormatException("bbox must have 4 numbers: [west, south, east, north]");
        var (west, south, east, north) = (bbox[0], bbox[1], bbox[2], bbox[3]);
        if (!(west is >= -180 and <= 180 && east is >= -180 and <= 180 && south is >= -90 and <= 90 && north is >= -90 and <= 90))
            throw new FormatException("bbox coordinates are outside WGS84 ranges");
        if (west >= east || south >= north) throw new FormatException("bbox must have west < east and south < north");
        return (Polygon)GeoFactory.Wgs84.ToGeometry(new Envelope(west, east, south, north));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { MaxDepth = 16 };
        options.Converters.Add(new GeoJsonConverterFactory(GeoFactory.Wgs84));
        return options;
    }
}
