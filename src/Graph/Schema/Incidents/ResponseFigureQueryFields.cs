using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary><c>wardResponseFigures</c>: per-ward median and p90 of detection → on scene.</summary>
public static class ResponseFigureQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WardResponseFiguresGraphType>>>, IReadOnlyList<WardResponseFigures>>("wardResponseFigures")
            .Description("Per ward, of the incidents detected in [from, to): how many reached the scene, median and p90 of detection → on scene.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<IncidentKind>>>>("kinds")
            .Argument<StringGraphType>("wardCode")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Incidents);
                var from = context.GetArgument<DateTimeOffset>("from");
                var to = context.GetArgument<DateTimeOffset>("to");
                if (from >= to) throw TwinErrors.BadInput("'from' must be before 'to'");
                if (to - from > TimeSpan.FromDays(366)) throw TwinErrors.BadInput("the period is at most 366 days");
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                return await db.PerWardAsync(from, to, context.GetArgument<List<IncidentKind>?>("kinds"), context.GetArgument<string?>("wardCode"),
                    context.CancellationToken);
            });
    }
}
