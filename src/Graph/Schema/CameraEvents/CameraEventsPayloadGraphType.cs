using CityTwin.Twin.CameraEvents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.CameraEvents;

/// <summary>The <c>CameraEventsPayload</c> type: what became of a batch of camera events.</summary>
public sealed class CameraEventsPayloadGraphType : ObjectGraphType<CameraEventBatchResult>
{
    public CameraEventsPayloadGraphType()
    {
        Name = "CameraEventsPayload";
        Description = "Counts and incidents when the batch was applied; errors (and nothing applied) when any event was invalid.";
        Field(r => r.Accepted).Description("True when the batch was applied, duplicates included.");
        Field(r => r.Recorded).Description("Events stored as new.");
        Field(r => r.Duplicates).Description("Events already recorded (same camera and idempotency key).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("incidentIds")
            .Description("The incident of each event, in the batch's order; empty when refused.")
            .Resolve(c => c.Source.IncidentIds.Select(id => id.ToString()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CameraEventErrorGraphType>>>>("errors")
            .Description("One per invalid event; empty when the batch was applied.")
            .Resolve(c => c.Source.Errors);
    }
}
