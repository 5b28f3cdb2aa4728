using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Planning;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary><c>planProgress(planId)</c>: the steps of a background plan, the latest first, until DONE or FAILED.</summary>
public static class CoverageSubscriptionFields
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<PlanProgressGraphType>, PlanProgress>("planProgress")
            .Description("Progress of a plan started with startCameraPlan; completes after DONE or FAILED. Planners only.")
            .Argument<NonNullGraphType<IdGraphType>>("planId")
            .ResolveStream(context =>
            {
                context.Require(Capability.PlanCameras);
                var id = context.GetArgument<string>("planId");
                return context.Service<CameraPlanJobs>().Watch(id) ?? throw TwinErrors.NotFound($"no running or recent plan '{id}'");
            });
    }
}
