using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Planning;
using GraphQL;
using GraphQL.Types;
using GapConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Coverage.CoverageGapGraphType, CityTwin.Twin.Coverage.CoverageGap>;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>Planners' reads: coverage figures, ranked gaps, stored plans and planned cameras (planners and operators).</summary>
public static class CoverageQueryFields
{
    private const string GapList = "coverageGaps";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CoverageReportGraphType>, CoverageReport>("coverage")
            .Description("Covered and uncovered road length city-wide, per road class and per ward. " + CoverageReportGraphType.Limits)
            .Argument<IdGraphType>("wardCode", "One ward; the whole city when omitted.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RoadClass>>>>("roadClasses", "Only these classes; all when omitted.")
            .Argument<BooleanGraphType>("includePlanned", "Count adopted planned cameras too (default true).")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Coverage);
                return await Refusing(() => context.Service<CoverageCalculator>().ComputeAsync(Request(context), context.CancellationToken));
            });

        query.Field<NonNullGraphType<GapConnection>, Connection<CoverageGap>>(GapList)
            .Description("Uncovered stretches, the most important first (length × class weight × observed traffic).")
            .Argument<IdGraphType>("wardCode", "One ward; the whole city when omitted.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RoadClass>>>>("roadClasses", "Only these classes; all when omitted.")
            .Argument<BooleanGraphType>("includePlanned", "Count adopted planned cameras as covering (default true).")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Coverage);
                var page = context.Page();
                var gaps = await Refusing(() => context.Service<CoverageCalculator>().GapsAsync(Request(context), context.CancellationToken));
                var start = page.After is { } after ? (int)Cursor.Number(Cursor.Decode(after, GapList, 1)[0], after) : 0;
                var rows = gaps.Select((gap, index) => (gap, index)).Skip(start).Take(page.Fetch).ToList();
                return page.ToConnection(rows, row => Cursor.Encode(GapList, (row.index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), row => row.gap);
            });

        query.Field<CameraPlanGraphType, CameraPlan>("cameraPlan")
            .Description("A stored plan by id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Coverage);
                return await context.Service<CameraPlans>().FindAsync(context.GetArgument<string>("id"), context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedCameraGraphType>>>, IReadOnlyList<PlannedCameraRow>>("plannedCameras")
            .Description("Cameras of adopted plans (status planned).")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Coverage);
                return await context.Service<CameraPlans>().PlannedCamerasAsync(context.CancellationToken);
            });
    }

    private static CoverageRequest Request(IResolveFieldContext context) => new(
        context.GetArgument<string?>("wardCode"),
        context.GetArgument<List<RoadClass>?>("roadClasses"),
        context.GetArgument<bool?>("includePlanned") ?? true);

    /// <summary>An unknown ward or a missing road layer is the caller's problem: BAD_USER_INPUT with the reason.</summary>
    internal static async Task<T> Refusing<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (TwinValidationException e)
        {
            throw TwinErrors.BadInput(e.Message);
        }
    }
}
