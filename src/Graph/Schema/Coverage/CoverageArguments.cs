using CityTwin.Twin.Coverage;
using CityTwin.Twin.Planning;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>The arguments the planning mutations share, and reading them into a request.</summary>
public static class CoverageArguments
{
    public static FieldBuilder<TSource, TReturn> PlanArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<NonNullGraphType<IntGraphType>>("count", "New cameras to place: at least 1, at most the candidates in scope.")
        .Argument<NonNullGraphType<EnumerationGraphType<CameraSiteKind>>>("kind", "SECTOR (90°, 120 m) or PTZ_360 (360°, 200 m).")
        .Argument<Common.GeoJsonGraphType>("area", "Only roads and sites inside this valid WGS84 Polygon or MultiPolygon.")
        .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RoadClass>>>>("roadClasses", "Roads whose coverage counts; all when omitted.")
        .Argument<FloatGraphType>("timeLimitS", "Solver time limit in seconds, > 0 (default 10).");

    public static PlanRequest PlanRequest(this IResolveFieldContext context) => new(
        context.GetArgument<int>("count"),
        context.GetArgument<CameraSiteKind>("kind"),
        context.GetArgument<Geometry?>("area"),
        context.GetArgument<List<RoadClass>?>("roadClasses") ?? [],
        TimeSpan.FromSeconds(context.GetArgument<double?>("timeLimitS") ?? 10));
}
