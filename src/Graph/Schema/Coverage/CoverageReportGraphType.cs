using CityTwin.Twin.Coverage;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>City-wide, per-class and per-ward coverage.</summary>
public sealed class CoverageReportGraphType : ObjectGraphType<CoverageReport>
{
    /// <summary>What the figures do not model, said wherever they are served.</summary>
    public const string Limits =
        "Covered means inside a camera's view area (a sector or a disc of its range). Line of sight is not modelled: there are no building heights, so walls, trees and bridges are not subtracted.";

    public CoverageReportGraphType()
    {
        Name = "CoverageReport";
        Description = "Covered and uncovered road length. " + Limits;
        Field<NonNullGraphType<CoverageFiguresGraphType>>("city").Description("All selected roads inside the wards.").Resolve(c => c.Source.City);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassCoverageGraphType>>>>("classes")
            .Description("Per road class; GATEWAY roads are also counted under their own class.").Resolve(c => c.Source.Classes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WardCoverageGraphType>>>>("wards").Description("Per ward with roads, in code order.").Resolve(c => c.Source.Wards);
        Field<NonNullGraphType<FloatGraphType>>("uncoveredPopulation").Description("Sum over wards with a census figure.").Resolve(c => c.Source.UncoveredPopulation);
        Field<NonNullGraphType<BooleanGraphType>>("includesPlanned").Description("Whether adopted planned cameras counted.").Resolve(c => c.Source.IncludesPlanned);
        Field<NonNullGraphType<StringGraphType>>("limits").Description("What the figures do not model.").Resolve(_ => Limits);
    }
}
