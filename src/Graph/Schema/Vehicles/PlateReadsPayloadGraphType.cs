using CityTwin.Twin.Vehicles.Reads;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>PlateReadsPayload</c> type: what became of a batch of plate reads.</summary>
public sealed class PlateReadsPayloadGraphType : ObjectGraphType<PlateReadBatchResult>
{
    public PlateReadsPayloadGraphType()
    {
        Name = "PlateReadsPayload";
        Description = "Counts when the batch was applied; errors (and nothing applied) when any read was invalid.";
        Field(r => r.Accepted).Description("True when the batch was applied, duplicates included.");
        Field(r => r.Recorded).Description("Reads stored as new sightings.");
        Field(r => r.Duplicates).Description("Reads already recorded (same camera and idempotency key); nothing changed for them.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlateReadErrorGraphType>>>>("errors")
            .Description("One per invalid read; empty when the batch was applied.")
            .Resolve(c => c.Source.Errors);
    }
}
