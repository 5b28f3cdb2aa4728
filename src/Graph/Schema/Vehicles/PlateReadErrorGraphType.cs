using CityTwin.Twin.Vehicles.Reads;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>PlateReadError</c> type: why one read of a refused batch is invalid.</summary>
public sealed class PlateReadErrorGraphType : ObjectGraphType<PlateReadError>
{
    public PlateReadErrorGraphType()
    {
        Name = "PlateReadError";
        Description = "Why a batch was refused: the read's position (-1: the batch itself), a stable code and a sentence.";
        Field(e => e.Index).Description("Position of the read in the batch, from 0; -1 when the error is about the whole batch.");
        Field(e => e.Code).Description("UNKNOWN_CAMERA, CAMERA_DISABLED, CAMERA_NOT_ALLOWED, FUTURE_READ, MALFORMED_PLATE, BAD_CONFIDENCE, BAD_IDEMPOTENCY_KEY, BAD_CROP or BAD_BATCH.");
        Field(e => e.Message);
    }
}
