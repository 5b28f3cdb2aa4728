using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Events;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>The fields every live event type starts with: which event, when, and where on the map.</summary>
internal static class TwinEventFields
{
    public static void AddEventFields<T>(this ObjectGraphType<T> type) where T : TwinEvent
    {
        type.Field<NonNullGraphType<IdGraphType>>("eventId").Description("Unique id of this event, for de-duplication.")
            .Resolve(c => c.Source.EventId);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When it happened in the twin.")
            .Resolve(c => c.Source.OccurredAt);
        type.Field<GeoJsonGraphType>("location").Description("Where it happened, as a GeoJSON Point (WGS84), when the event has a place.")
            .Resolve(c => c.Source.Location?.ToPoint());
    }
}
