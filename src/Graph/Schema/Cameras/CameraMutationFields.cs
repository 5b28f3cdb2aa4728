using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Cameras;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>The camera mutation: an operator marks a camera online or offline (a fault seen on site, a repair).</summary>
public static class CameraMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<PayloadGraphType<CameraGraphType, CameraNode>, Payload<CameraNode>>("setCameraStatus")
            .Description("Marks a camera online or offline as of `at` (default: now). Operators only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<BooleanGraphType>>("online")
            .Argument<DateTimeOffsetGraphType>("at", "When the status changed; not in the future.")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Act);
                var id = context.GetArgument<string>("id");
                var online = context.GetArgument<bool>("online");
                var at = context.GetArgument<DateTimeOffset?>("at") ?? context.Service<TimeProvider>().GetUtcNow();
                var camera = context.Service<IGrainFactory>().GetGrain<ICameraGrain>(id);
                if (await camera.GetAsync() is null)
                    return Payload<CameraNode>.Fail(SchemaErrorCodes.NotFound, $"camera {id}: no such camera", "id");
                return await Payload<CameraNode>.TryAsync(async () =>
                {
                    await camera.SetStatusAsync(online, at);
                    return CameraNode.From(id, await camera.GetAsync() ?? throw new InvalidOperationException($"camera {id} vanished"));
                }, "at");
            });
    }
}
