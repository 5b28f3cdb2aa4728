using CityTwin.Graph.Schema.Common;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Live;

/// <summary>The arguments every subscription field takes: a map area (bbox or polygon) and the kinds of events.</summary>
internal static class LiveArguments
{
    public const string Kinds = "kinds";

    /// <summary>Adds <c>bbox</c> and <c>polygon</c>.</summary>
    public static FieldBuilder<object?, object> AreaArguments(this FieldBuilder<object?, object> field) => field
        .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>(MapArea.BboxArgument,
            "Only events inside [west, south, east, north] (WGS84) or on its edge. Not with polygon.")
        .Argument<GeoJsonGraphType>(MapArea.PolygonArgument,
            "Only events inside this GeoJSON Polygon or MultiPolygon or on its boundary. Not with bbox.");

    /// <summary>The area the arguments give, or null; BAD_USER_INPUT when both are given or either is invalid.</summary>
    public static Geometry? Area(IResolveFieldContext context)
    {
        try
        {
            return MapArea.From(context.GetArgument<List<double>?>(MapArea.BboxArgument), context.GetArgument<Geometry?>(MapArea.PolygonArgument));
        }
        catch (FormatException e)
        {
            throw LiveErrors.BadInput(e.Message);
        }
    }

    /// <summary>The requested kinds mapped to <see cref="Live.LiveKinds"/> names, or null when the argument is absent.</summary>
    public static HashSet<string>? KindsArgument<T>(IResolveFieldContext context, Func<T, IEnumerable<string>> toKinds)
    {
        var requested = context.GetArgument<List<T>?>(Kinds);
        if (requested is null) return null;
        if (requested.Count == 0) throw LiveErrors.BadInput("kinds must name at least one kind; leave it out to get every kind");
        return requested.SelectMany(toKinds).ToHashSet(StringComparer.Ordinal);
    }
}
