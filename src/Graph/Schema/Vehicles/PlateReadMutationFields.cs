using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.PlateReads;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Common;
using CityTwin.Twin.Vehicles.Reads;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>
/// Plate reads from cameras that recognise plates themselves (<c>recordPlateReads</c>), and the operator's issuing of
/// the per-camera keys they authenticate with (<c>issueCameraKey</c>).
/// </summary>
public static class PlateReadMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PlateReadsPayloadGraphType>, PlateReadBatchResult>("recordPlateReads")
            .Description("Records a batch of plate reads as sightings: all or nothing, idempotent per camera and idempotencyKey. "
                         + "Camera keys (own camera only) and operators (any camera).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<PlateReadInputGraphType>>>>("reads", $"1..{PlateReadLimits.MaxBatch} reads.")
            .ResolveAsync(async context =>
            {
                var caller = context.Principal();
                if (!Access.Allows(caller, Capability.SubmitPlateReads))
                    throw TwinErrors.Forbidden($"the {Access.Name(caller.Role)} role may not submit plate reads");
                var reads = context.GetArgument<List<PlateReadInput?>>("reads");
                return await PlateReadSubmission.SubmitAsync(context.Service<IPlateReadIngest>(), caller, reads, context.CancellationToken);
            });

        mutation.Field<PayloadGraphType<CameraKeyGraphType, CameraKeyNode>, Payload<CameraKeyNode>>("issueCameraKey")
            .Description("Issues a new key for a camera, replacing its earlier one; the key is returned only here. Operators only.")
            .Argument<NonNullGraphType<IdGraphType>>("cameraId")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Act);
                var cameraId = context.GetArgument<string>("cameraId");
                try
                {
                    var key = await context.Service<ICameraKeyStore>().IssueAsync(cameraId, context.CancellationToken);
                    return Payload<CameraKeyNode>.Ok(new CameraKeyNode(cameraId, key));
                }
                catch (TwinValidationException e)
                {
                    return Payload<CameraKeyNode>.Fail(SchemaErrorCodes.NotFound, e.Message, "cameraId");
                }
            });
    }
}
