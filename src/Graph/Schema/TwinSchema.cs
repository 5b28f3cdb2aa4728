using GraphQL.Types;

namespace CityTwin.Graph.Schema;

/// <summary>
/// The twin's one GraphQL schema. The subscription root comes from DI when the live fan-out registers one
/// (<see cref="ITwinSubscriptionRoot"/>); without it the schema simply has no subscriptions.
/// </summary>
public sealed class TwinSchema : GraphQL.Types.Schema
{
    public TwinSchema(IServiceProvider services, TwinQuery query, TwinMutation mutation) : base(services)
    {
        Description = "CityTwin: a live digital twin of Thu Duc City. Geometry is GeoJSON in WGS84; times are ISO 8601.";
        Query = query;
        Mutation = mutation;
        Subscription = services.GetService<ITwinSubscriptionRoot>();
    }
}
