using CityTwin.Graph.PlateReads;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>PlateReadInput</c> input type: one plate read by an AI camera.</summary>
public sealed class PlateReadInputGraphType : InputObjectGraphType<PlateReadInput>
{
    public PlateReadInputGraphType()
    {
        Name = "PlateReadInput";
        Description = "One plate read by a camera. A read sent twice with the same idempotencyKey is recorded once.";
        Field<NonNullGraphType<IdGraphType>>("cameraId").Description("The camera that read the plate; a camera key may only name its own camera.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("seenAt").Description("When the plate was in view; not in the future beyond 2 minutes of clock skew.");
        Field<NonNullGraphType<StringGraphType>>("plate").Description("The plate as read, separators allowed: 59-X1 123.45, 51G-123.45, 59X112345.");
        Field<NonNullGraphType<FloatGraphType>>("confidence").Description("The recogniser's confidence, 0..1.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("The camera's unique key for this read (1..63 characters).");
        Field<StringGraphType>("cropJpegBase64").Description("Optional JPEG of the plate region, base64, at most 128 KiB decoded.");
    }
}
