using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The <c>GeoJSON</c> scalar: an RFC 7946 geometry object in and out (WGS84, longitude first). As input it may be a
/// GraphQL object literal, a variable holding the object, or a string of GeoJSON text.
/// </summary>
public sealed class GeoJsonGraphType : ScalarGraphType
{
    public GeoJsonGraphType()
    {
        Name = "GeoJSON";
        Description = "An RFC 7946 GeoJSON geometry object in WGS84 (SRID 4326), e.g. {\"type\":\"Point\",\"coordinates\":[106.75,10.80]}.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        Geometry geometry => GeoJsonReader.Write(geometry),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        Geometry geometry => geometry,
        string text => GeoJsonReader.Read(text),
        JsonElement element => GeoJsonReader.Read(element.GetRawText()),
        IDictionary<string, object?> map => GeoJsonReader.Read(JsonSerializer.Serialize(map)),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => GeoJsonReader.Read((string)text.Value),
        GraphQLObjectValue => GeoJsonReader.Read(JsonSerializer.Serialize(ToPlain(value))),
        _ => ThrowLiteralConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue or GraphQLStringValue or GraphQLObjectValue;

    /// <summary>A GraphQL literal as plain dictionaries, lists and numbers, ready to be written as JSON.</summary>
    private static object? ToPlain(GraphQLValue value) => value switch
    {
        GraphQLObjectValue o => (o.Fields ?? []).ToDictionary(f => (string)f.Name.Value, f => ToPlain(f.Value)),
        GraphQLListValue l => (l.Values ?? []).Select(ToPlain).ToList(),
        GraphQLIntValue i => decimal.Parse((string)i.Value, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse((string)f.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLStringValue s => (string)s.Value,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLNullValue => null,
        _ => throw new FormatException($"unsupported GeoJSON literal {value.Kind}"),
    };
}
