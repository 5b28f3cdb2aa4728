using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Planning;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>Planners' actions: solve a plan (now, or as a job with progress), the inverse plan, and adopt a plan.</summary>
public static class CoverageMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadGraphType<CameraPlanGraphType, CameraPlan>>, Payload<CameraPlan>>("planCameras")
            .Description("Chooses `count` new camera sites (greedy and the exact solve side by side) and stores the plan. A plan that hits its time limit returns the best sites found with the proved gap. Planners only.")
            .PlanArguments()
            .ResolveAsync(async context =>
            {
                context.Require(Capability.PlanCameras);
                return await Payload<CameraPlan>.TryAsync(() => context.Service<CameraPlanner>().PlanAsync(context.PlanRequest(), cancellationToken: context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<PayloadGraphType<CameraPlanGraphType, CameraPlan>>, Payload<CameraPlan>>("planCamerasToTarget")
            .Description("The fewest new cameras that bring arterials and gateways to `targetPercent` coverage. Planners only.")
            .Argument<NonNullGraphType<FloatGraphType>>("targetPercent", "Wanted coverage of arterial and gateway road length, in (0, 100].")
            .Argument<NonNullGraphType<EnumerationGraphType<CameraSiteKind>>>("kind")
            .Argument<GeoJsonGraphType>("area")
            .Argument<FloatGraphType>("timeLimitS", "Solver time limit in seconds, > 0 (default 10).")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.PlanCameras);
                var request = new TargetPlanRequest(context.GetArgument<double>("targetPercent"), context.GetArgument<CameraSiteKind>("kind"),
                    context.GetArgument<NetTopologySuite.Geometries.Geometry?>("area"), TimeSpan.FromSeconds(context.GetArgument<double?>("timeLimitS") ?? 10));
                return await Payload<CameraPlan>.TryAsync(() => context.Service<TargetPlanner>().PlanAsync(request, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<PayloadGraphType<PlanProgressGraphType, PlanProgress>>, Payload<PlanProgress>>("startCameraPlan")
            .Description("Starts planCameras as a background job and returns its first step at once; follow it with the planProgress subscription, then read cameraPlan(id). Planners only.")
            .PlanArguments()
            .Resolve(context =>
            {
                context.Require(Capability.PlanCameras);
                try
                {
                    var id = context.Service<CameraPlanJobs>().Start(context.PlanRequest());
                    return Payload<PlanProgress>.Ok(new PlanProgress(id, PlanStage.Building, 0));
                }
                catch (Twin.Common.TwinValidationException e)
                {
                    return Payload<PlanProgress>.Fail(SchemaErrorCodes.InvalidInput, e.Message);
                }
            });

        mutation.Field<NonNullGraphType<PayloadGraphType<AdoptedPlanGraphType, AdoptedPlan>>, Payload<AdoptedPlan>>("adoptPlan")
            .Description("Turns a plan's sites into planned cameras, which the map draws and later coverage counts. Adopting twice changes nothing. Planners only.")
            .Argument<NonNullGraphType<IdGraphType>>("planId")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.PlanCameras);
                var id = context.GetArgument<string>("planId");
                return await Payload<AdoptedPlan>.TryAsync(async () => new AdoptedPlan(id, await context.Service<CameraPlans>().AdoptAsync(id, context.CancellationToken)), "planId");
            });
    }
}
