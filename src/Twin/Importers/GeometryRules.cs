using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Turns a feature's geometry into what its table stores: 2D, SRID 4326, of the column's type, and valid.
/// Nothing is repaired: an invalid polygon is refused with the validator's reason, because a silently
/// "fixed" ward boundary could hand a point to the wrong ward.
/// </summary>
internal static class GeometryRules
{
    private static readonly GeometryFactory UtmFactory = new(new PrecisionModel(), MetricProjection.Utm48NSrid);

    /// <summary>The stored form of <paramref name="geometry"/>; throws <see cref="TwinValidationException"/> with the reason.</summary>
    public static Geometry Normalise(Geometry? geometry, int sourceSrid, ImportLayer layer)
    {
        TwinValidationException.Require(geometry is { IsEmpty: false }, "geometry is missing");
        Geometry wgs84;
        try
        {
            wgs84 = sourceSrid == MetricProjection.Utm48NSrid
                ? MetricProjection.ToWgs84(CheckedUtm(Flatten(geometry!, UtmFactory)))
                : Flatten(geometry!, GeoFactory.Wgs84);
        }
        catch (ArgumentException e)
        {
            // Unclosed rings and too-short lines only show when the geometry is rebuilt.
            throw new TwinValidationException($"invalid geometry: {e.Message}");
        }
        CheckWgs84(wgs84, sourceSrid);
        var fitted = FitType(wgs84, layer);
        var validator = new IsValidOp(fitted);
        if (!validator.IsValid && validator.ValidationError is { } error)
            throw new TwinValidationException(FormattableString.Invariant(
                $"invalid geometry: {error.Message} at ({error.Coordinate?.X:0.######}, {error.Coordinate?.Y:0.######})"));
        return fitted;
    }

    /// <summary>The geometry types each layer takes, for messages.</summary>
    public static string Expected(ImportLayer layer) => layer switch
    {
        ImportLayer.Wards or ImportLayer.Districts => "Polygon or MultiPolygon",
        ImportLayer.Roads => "LineString or MultiLineString",
        _ => "Point",
    };

    /// <summary>Polygons become MultiPolygons and lines MultiLineStrings, matching the typed PostGIS columns.</summary>
    private static Geometry FitType(Geometry geometry, ImportLayer layer)
    {
        var factory = GeoFactory.Wgs84;
        Geometry? fitted = (layer, geometry) switch
        {
            (ImportLayer.Wards or ImportLayer.Districts, Polygon p) => factory.CreateMultiPolygon([p]),
            (ImportLayer.Wards or ImportLayer.Districts, MultiPolygon m) => m,
            (ImportLayer.Roads, LineString l) => factory.CreateMultiLineString([l]),
            (ImportLayer.Roads, MultiLineString m) => m,
            (ImportLayer.Cameras or ImportLayer.Pois, Point p) => p,
            // Shapefiles often store single points as a one-part MultiPoint.
            (ImportLayer.Cameras or ImportLayer.Pois, MultiPoint { NumGeometries: 1 } m) => (Point)m.GetGeometryN(0),
            _ => null,
        };
        return fitted ?? throw new TwinValidationException(
            $"a {geometry.GeometryType} does not fit the {layer.ToString().ToLowerInvariant()} layer, which takes {Expected(layer)}");
    }

    /// <summary>A 2D copy built by <paramref name="factory"/>, so it carries that factory's SRID; Z and M are dropped for the 2D columns.</summary>
    private static Geometry Flatten(Geometry geometry, GeometryFactory factory) =>
        new GeometryEditor(factory).Edit(geometry, new DropZ());

    /// <summary>Eastings beyond 100–900 km or negative northings are not UTM at all: most likely degrees read as metres.</summary>
    private static Geometry CheckedUtm(Geometry utm)
    {
        var box = utm.EnvelopeInternal;
        TwinValidationException.Require(
            double.IsFinite(box.MinX) && double.IsFinite(box.MaxY) && box.MinX >= 100_000 && box.MaxX <= 900_000 && box.MinY >= 0 && box.MaxY <= 10_000_000,
            FormattableString.Invariant($"wrong SRID or invalid coordinates: ({box.MinX}, {box.MinY}) is not a UTM 48N position in metres"));
        return utm;
    }

    private static void CheckWgs84(Geometry geometry, int sourceSrid)
    {
        foreach (var c in geometry.Coordinates)
        {
            if (double.IsFinite(c.X) && double.IsFinite(c.Y) && c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90) continue;
            var hint = sourceSrid == GeoFactory.Wgs84Srid ? " (projected coordinates need --source-srid, e.g. 32648 for UTM 48N)" : "";
            throw new TwinValidationException(FormattableString.Invariant(
                $"wrong SRID or invalid coordinates: ({c.X}, {c.Y}) is outside lon -180..180 / lat -90..90{hint}"));
        }
    }

    private sealed class DropZ : GeometryEditor.CoordinateOperation
    {
        public override Coordinate[] Edit(Coordinate[] coordinates, Geometry geometry) =>
            Array.ConvertAll(coordinates, c => new Coordinate(c.X, c.Y));
    }
}
