using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>An adopted plan and its planned cameras.</summary>
public sealed class AdoptedPlanGraphType : ObjectGraphType<AdoptedPlan>
{
    public AdoptedPlanGraphType()
    {
        Name = "AdoptedPlan";
        Field<NonNullGraphType<IdGraphType>>("planId").Resolve(c => c.Source.PlanId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedCameraGraphType>>>>("cameras").Resolve(c => c.Source.Cameras);
    }
}
