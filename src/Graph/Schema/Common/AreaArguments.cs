using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Common;

/// <summary>The <c>bbox</c>/<c>polygon</c> arguments of area-filtered lists, read through <see cref="MapArea"/>.</summary>
public static class AreaArguments
{
    public static FieldBuilder<TSource, TReturn> AreaArgumentsFor<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string what) =>
        field
            .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>(MapArea.BboxArgument,
                $"Only {what} inside [west, south, east, north] (WGS84 degrees). Not with polygon.")
            .Argument<GeoJsonGraphType>(MapArea.PolygonArgument,
                $"Only {what} inside this GeoJSON Polygon or MultiPolygon (WGS84). Not with bbox.");

    /// <summary>The area asked for, or null; a malformed one is BAD_USER_INPUT with the reason.</summary>
    public static Geometry? Area(this IResolveFieldContext context)
    {
        try
        {
            return MapArea.From(context.GetArgument<List<double>?>(MapArea.BboxArgument), context.GetArgument<Geometry?>(MapArea.PolygonArgument));
        }
        catch (FormatException e)
        {
            throw TwinErrors.BadInput($"bad map area: {e.Message}");
        }
    }
}
