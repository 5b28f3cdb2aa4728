using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.CameraEvents;
using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.CameraEvents;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using GraphQL;
using GraphQL.Types;
using CameraPayload = CityTwin.Graph.Schema.Common.PayloadGraphType<CityTwin.Graph.Schema.Cameras.CameraGraphType, CityTwin.Graph.Schema.Cameras.CameraNode>;

namespace CityTwin.Graph.Schema.CameraEvents;

/// <summary>
/// Camera-side events (<c>reportCameraEvents</c>) and what places them: a PTZ camera's pose (<c>setCameraPose</c>) and
/// the image areas its detections ignore (<c>setCameraExclusionMasks</c>).
/// </summary>
public static class CameraEventMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CameraEventsPayloadGraphType>, CameraEventBatchResult>("reportCameraEvents")
            .Description("Records a batch of camera events (smoke, fire, dumping, jam, accident) and merges each into an incident: all or "
                         + "nothing, idempotent per camera and idempotencyKey. Camera keys (own camera only) and operators.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CameraEventInputGraphType>>>>("events", $"1..{CameraEventLimits.MaxBatch} events.")
            .ResolveAsync(async context =>
            {
                var caller = context.Principal();
                if (!Access.Allows(caller, Capability.SubmitCameraEvents))
                    throw TwinErrors.Forbidden($"the {Access.Name(caller.Role)} role may not report camera events");
                var events = context.GetArgument<List<CameraEventInput?>>("events");
                return await CameraEventSubmission.SubmitAsync(context.Service<ICameraEventIngest>(), caller, events, context.CancellationToken);
            });

        mutation.Field<CameraPayload, Payload<CameraNode>>("setCameraPose")
            .Description("Sets where a PTZ camera looks (and optionally its mount height, metres). Operators only.")
            .Argument<NonNullGraphType<IdGraphType>>("cameraId")
            .Argument<NonNullGraphType<CameraPoseInputGraphType>>("pose")
            .Argument<FloatGraphType>("mountHeightM", "Height of the camera above the ground, (0, 500] m.")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Act);
                var (id, camera) = await FindAsync(context);
                if (camera is null) return NotFound(id);
                return await Payload<CameraNode>.TryAsync(async () =>
                    CameraNode.From(id, await camera.SetPoseAsync(context.GetArgument<PtzPose>("pose"), context.GetArgument<double?>("mountHeightM"))));
            });

        mutation.Field<CameraPayload, Payload<CameraNode>>("setCameraExclusionMasks")
            .Description("Replaces a camera's exclusion masks: image polygons (0..1 fractions) where detections are ignored. Operators only.")
            .Argument<NonNullGraphType<IdGraphType>>("cameraId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<ImagePointInputGraphType>>>>>>("masks",
                $"At most {ExclusionMaskRules.MaxMasks} polygons of {ExclusionMaskRules.MinPoints}..{ExclusionMaskRules.MaxPoints} points; [] clears them.")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Act);
                var (id, camera) = await FindAsync(context);
                if (camera is null) return NotFound(id);
                var masks = context.GetArgument<List<List<ImagePoint>>>("masks");
                return await Payload<CameraNode>.TryAsync(async () =>
                {
                    var state = await camera.SetExclusionMasksAsync(masks);
                    context.Service<ExclusionMaskCatalog>().Update(id, state.ExclusionMasks);
                    return CameraNode.From(id, state);
                });
            });
    }

    private static async Task<(string Id, ICameraGrain? Camera)> FindAsync(IResolveFieldContext context)
    {
        var id = context.GetArgument<string>("cameraId");
        if (!StoredText.IsStorable(id) || id.Length > 64) return (id, null);
        var camera = context.Service<IGrainFactory>().GetGrain<ICameraGrain>(id);
        return (id, await camera.GetAsync() is null ? null : camera);
    }

    private static Payload<CameraNode> NotFound(string id) =>
        Payload<CameraNode>.Fail(SchemaErrorCodes.NotFound, $"camera {(id.Length > 70 ? id[..67] + "..." : id)}: no such camera", "cameraId");
}
