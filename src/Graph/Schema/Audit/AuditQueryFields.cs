using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Plates;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Audit;

/// <summary>
/// The supervisor's view of the trail: <c>auditTrail(plate, from, to)</c> and <c>auditTrailIntact</c> (the hash chain
/// checked end to end). Reading the trail is not itself a plate lookup; other roles are FORBIDDEN.
/// </summary>
public static class AuditQueryFields
{
    private const int MaxRows = 1000;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail")
            .Description($"Who looked at a plate between two times, oldest first, at most {MaxRows} rows. Supervisors only.")
            .Argument<NonNullGraphType<StringGraphType>>("plate", "As written or canonical.")
            .Argument<DateTimeOffsetGraphType>("from", "Start, inclusive (default: 30 days before to).")
            .Argument<DateTimeOffsetGraphType>("to", "End, exclusive (default: now).")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.AuditTrail);
                var text = context.GetArgument<string>("plate");
                if (!PlateNumber.TryParse(text, out var plate, out var error))
                    throw TwinErrors.BadInput($"'{text}' is not a Vietnamese plate: {error}");
                var to = context.GetArgument<DateTimeOffset?>("to") ?? DateTimeOffset.UtcNow;
                var from = context.GetArgument<DateTimeOffset?>("from") ?? to.AddDays(-30);
                if (from > to) throw TwinErrors.BadInput("'from' is after 'to'");
                return await context.Service<AuditTrailReader>().ForPlateAsync(plate.CanonicalKey, from, to, MaxRows, context.CancellationToken);
            });

        query.Field<NonNullGraphType<BooleanGraphType>>("auditTrailIntact")
            .Description("Whether every audit row still matches its hash and its link to the row before. Supervisors only.")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.AuditTrail);
                return await context.Service<AuditTrailReader>().FirstBrokenAsync(context.CancellationToken) is null;
            });
    }
}
