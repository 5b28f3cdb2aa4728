using CityTwin.Graph.CameraEvents;
using CityTwin.Twin.CameraEvents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.CameraEvents;

/// <summary>The <c>CameraEventInput</c> input type: one event a camera detected on board.</summary>
public sealed class CameraEventInputGraphType : InputObjectGraphType<CameraEventInput>
{
    public CameraEventInputGraphType()
    {
        Name = "CameraEventInput";
        Description = "One event detected by a camera. An event sent twice with the same idempotencyKey is recorded once.";
        Field<NonNullGraphType<IdGraphType>>("cameraId").Description("The camera; a camera key may only name its own camera.");
        Field<NonNullGraphType<StringGraphType>>("kind").Description("smoke, fire, dumping, jam or accident.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("observedAt").Description("When it was seen; not in the future beyond 2 minutes, not older than a day.");
        Field<NonNullGraphType<FloatGraphType>>("confidence").Description("The detector's confidence, 0..1.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("The camera's unique key for this event (1..63 characters).");
        Field<ImageRegionInputGraphType>("region").Description("Where in the image (fractions, origin top-left); with the camera's pose it puts the event on the ground.");
        Field<FloatGraphType>("bearingDeg").Description("Compass bearing the camera looked along (0..360), when it sends no region.");
        Field<StringGraphType>("snapshotJpegBase64").Description($"Optional JPEG snapshot, base64, at most {CameraEventLimits.MaxSnapshotBytes / 1024} KiB decoded (send large ones to the webhook).");
    }
}
