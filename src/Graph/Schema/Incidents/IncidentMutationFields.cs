using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Incidents;
using GraphQL;
using GraphQL.Types;
using IncidentPayload = CityTwin.Graph.Schema.Common.PayloadGraphType<CityTwin.Graph.Schema.Incidents.IncidentGraphType, CityTwin.Graph.Schema.Incidents.IncidentNode>;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>
/// The incident lifecycle as mutations, one per step. The grain enforces the order (forward one step, or resolve from
/// any open status); a step out of order comes back as INVALID_INPUT with the grain's reason.
/// </summary>
public static class IncidentMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Transition(mutation, "confirmIncident", "An operator confirms what the camera saw.", (g, a, at, n) => g.ConfirmAsync(a, at, n));
        Transition(mutation, "dispatchIncident", "A team is sent.", (g, a, at, n) => g.DispatchAsync(a, at, n));
        Transition(mutation, "arriveOnScene", "The team is on scene.", (g, a, at, n) => g.ArriveOnSceneAsync(a, at, n));
        Transition(mutation, "resolveIncident", "Closed: handled, or a false alarm (allowed from any open status).", (g, a, at, n) => g.ResolveAsync(a, at, n));
    }

    private static void Transition(ObjectGraphType mutation, string name, string description,
        Func<IIncidentGrain, string, DateTimeOffset, string?, Task<IncidentState>> move)
    {
        mutation.Field<IncidentPayload, Payload<IncidentNode>>(name)
            .Description($"{description} Operators only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("actor", "Who did it: an operator, a team.")
            .Argument<DateTimeOffsetGraphType>("at", "When; default now, never before the previous step nor in the future.")
            .Argument<StringGraphType>("note")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Act);
                var text = context.GetArgument<string>("id");
                var notFound = Payload<IncidentNode>.Fail(SchemaErrorCodes.NotFound, $"incident {text}: no such incident", "id");
                if (!Guid.TryParse(text, out var id)) return notFound;
                var incident = context.Service<IGrainFactory>().GetGrain<IIncidentGrain>(id.ToString());
                if (await incident.GetAsync() is null) return notFound;
                var at = context.GetArgument<DateTimeOffset?>("at") ?? context.Service<TimeProvider>().GetUtcNow();
                return await Payload<IncidentNode>.TryAsync(async () =>
                    IncidentNode.From(id, await move(incident, context.GetArgument<string>("actor"), at, context.GetArgument<string?>("note"))));
            });
    }
}
