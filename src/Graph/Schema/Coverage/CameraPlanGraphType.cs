using CityTwin.Twin.Planning;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>A solved plan: before/after figures, the proved gap, greedy beside it, and the sites.</summary>
public sealed class CameraPlanGraphType : ObjectGraphType<CameraPlan>
{
    public CameraPlanGraphType()
    {
        Name = "CameraPlan";
        Description = "New camera sites chosen to add the most class-weighted covered road (the maximal covering location problem), solved under a time limit with OR-Tools: the LP relaxation (GLOP) proves a bound, CP-SAT searches the sites the LP's reduced costs leave open; existing and adopted planned cameras stay fixed. Coverage is counted on 25 m road elements by their midpoint. " + CoverageReportGraphType.Limits;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<CameraSiteKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<IntGraphType>("requestedCount").Description("Null for planCamerasToTarget, which chooses the count.").Resolve(c => c.Source.RequestedCount);
        Field<NonNullGraphType<IntGraphType>>("candidateCount").Resolve(c => c.Source.CandidateCount);
        Field<NonNullGraphType<FloatGraphType>>("scopeLengthM").Resolve(c => c.Source.ScopeLengthM);
        Field<NonNullGraphType<FloatGraphType>>("beforePercent").Resolve(c => c.Source.BeforePercent);
        Field<NonNullGraphType<FloatGraphType>>("afterPercent").Resolve(c => c.Source.AfterPercent);
        Field<NonNullGraphType<FloatGraphType>>("addedM").Resolve(c => c.Source.AddedM);
        Field<NonNullGraphType<BooleanGraphType>>("optimal").Resolve(c => c.Source.Optimal);
        Field<NonNullGraphType<FloatGraphType>>("gapPercent").Description("Optimality gap the solver proved (0 when optimal).").Resolve(c => c.Source.GapPercent);
        Field<StringGraphType>("boundSource").Description("The OR-Tools solver that proved the bound behind gapPercent (null for plans stored before it was recorded).").Resolve(c => c.Source.BoundSource);
        Field<NonNullGraphType<FloatGraphType>>("solveSeconds").Resolve(c => c.Source.SolveSeconds);
        Field<NonNullGraphType<FloatGraphType>>("greedyAfterPercent").Resolve(c => c.Source.GreedyAfterPercent);
        Field<NonNullGraphType<FloatGraphType>>("greedyAddedM").Resolve(c => c.Source.GreedyAddedM);
        Field<NonNullGraphType<IntGraphType>>("greedyCount").Resolve(c => c.Source.GreedyCount);
        Field<NonNullGraphType<FloatGraphType>>("greedySeconds").Resolve(c => c.Source.GreedySeconds);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("coverage before X% after Y% (+Z km), gap G%").Resolve(c => c.Source.Summary());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedSiteGraphType>>>>("sites").Resolve(c => c.Source.Sites);
    }
}
