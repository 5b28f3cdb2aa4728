using CityTwin.Twin.Events;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>Any entity was created or changed; clients re-query it by id when they need more than the map does.</summary>
public sealed class EntityChangedEventType : ObjectGraphType<EntityChanged>
{
    public EntityChangedEventType()
    {
        Name = "EntityChangedEvent";
        Description = "An entity was created or its state changed.";
        this.AddEventFields();
        Field<NonNullGraphType<StringGraphType>>("entityKind").Description("camera, vehicle, watchlist, ward, store, school or clinic.")
            .Resolve(c => c.Source.EntityKind);
        Field<NonNullGraphType<StringGraphType>>("entityId").Description("The entity's id; vehicle ids (plates) are masked for partners.")
            .Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("change").Description("What changed, e.g. registered, counters, ai-result, first-seen.")
            .Resolve(c => c.Source.Change);
    }
}
