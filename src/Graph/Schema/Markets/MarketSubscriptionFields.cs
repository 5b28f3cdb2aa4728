using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Live;
using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Events;
using CityTwin.Twin.Markets;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>
/// <c>marketUpdates</c> and <c>sessionUpdates</c>: market and session totals as batches are stored, for operators (every
/// market) and market keys (their own market only); other roles are FORBIDDEN.
/// </summary>
internal static class MarketSubscriptionFields
{
    public static void AddTo(ObjectGraphType subscription, ILiveEvents events)
    {
        subscription.Field<NonNullGraphType<MarketUpdateGraphType>, object>("marketUpdates")
            .Description("A market's totals after each stored batch. Operators, and a market key for its own market.")
            .AreaArguments()
            .Argument<IdGraphType>("marketId", "Only this market.")
            .ResolveStream(c => Open(c, events, LiveKinds.MarketTotals));

        subscription.Field<NonNullGraphType<SessionUpdateGraphType>, object>("sessionUpdates")
            .Description("Livestream sessions' totals after each stored batch. Operators, and a market key for its own market.")
            .AreaArguments()
            .Argument<IdGraphType>("marketId", "Only this market's sessions.")
            .Argument<IdGraphType>("sessionId", "Only this session.")
            .ResolveStream(c => Open(c, events, LiveKinds.SessionTotals));
    }

    private static IObservable<object> Open(IResolveFieldContext context, ILiveEvents events, string kind)
    {
        var caller = LiveErrors.Principal(context);
        if (!Access.Allows(caller, Capability.MarketTotals))
            throw LiveErrors.NotAllowed($"{context.FieldDefinition.Name} is not open to the {Access.Name(caller.Role)} role");
        var marketId = context.GetArgument<string?>("marketId");
        var sessionId = context.GetArgument<string?>("sessionId");
        if (marketId is not null && !Access.CanSeeMarket(caller, marketId))
            throw LiveErrors.NotAllowed($"market {marketId} is not the caller's market");
        var area = LiveArguments.Area(context);
        try
        {
            var filter = new LiveFilter(new HashSet<string>(StringComparer.Ordinal) { TwinStreams.Markets }, area,
                new HashSet<string>(StringComparer.Ordinal) { kind });
            return new LiveProjection(events.Observe(filter), e =>
                !Access.CanSeeMarket(caller, e.EntityId) || (marketId is not null && e.EntityId != marketId) ? null
                : sessionId is not null && e is SessionChanged s && s.Totals.SessionId != sessionId ? null
                : e);
        }
        catch (ArgumentException e)
        {
            throw LiveErrors.BadInput(e.Message);
        }
    }
}
