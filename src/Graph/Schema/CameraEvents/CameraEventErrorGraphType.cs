using CityTwin.Twin.CameraEvents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.CameraEvents;

/// <summary>The <c>CameraEventError</c> type: why one event of a refused batch is invalid.</summary>
public sealed class CameraEventErrorGraphType : ObjectGraphType<CameraEventError>
{
    public CameraEventErrorGraphType()
    {
        Name = "CameraEventError";
        Description = "Why a batch of camera events was refused: the event's position (-1: the batch), a stable code and a sentence.";
        Field(e => e.Index).Description("Position of the event in the batch, from 0; -1 when the error is about the whole batch.");
        Field(e => e.Code).Description("UNKNOWN_CAMERA, CAMERA_DISABLED, CAMERA_NOT_ALLOWED, FUTURE_EVENT, STALE_EVENT, BAD_KIND, BAD_CONFIDENCE, "
                                       + "BAD_REGION, BAD_BEARING, BAD_IDEMPOTENCY_KEY, SNAPSHOT_TOO_LARGE, BAD_SNAPSHOT or BAD_BATCH.");
        Field(e => e.Message);
    }
}
