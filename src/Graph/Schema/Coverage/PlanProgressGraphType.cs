using CityTwin.Twin.Planning;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>A step of a background plan.</summary>
public sealed class PlanProgressGraphType : ObjectGraphType<PlanProgress>
{
    public PlanProgressGraphType()
    {
        Name = "PlanProgress";
        Field<NonNullGraphType<IdGraphType>>("planId").Resolve(c => c.Source.PlanId);
        Field<NonNullGraphType<EnumerationGraphType<PlanStage>>>("stage").Resolve(c => c.Source.Stage);
        Field<NonNullGraphType<FloatGraphType>>("fraction").Description("0..1").Resolve(c => c.Source.Fraction);
        Field<FloatGraphType>("objective").Resolve(c => c.Source.Objective);
        Field<FloatGraphType>("bound").Resolve(c => c.Source.Bound);
        Field<FloatGraphType>("gapPercent").Resolve(c => c.Source.GapPercent);
        Field<StringGraphType>("message").Description("Why a FAILED plan failed.").Resolve(c => c.Source.Message);
    }
}
