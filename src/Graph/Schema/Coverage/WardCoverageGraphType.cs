using CityTwin.Twin.Coverage;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>Coverage of one ward's roads, with its population weighting.</summary>
public sealed class WardCoverageGraphType : ObjectGraphType<WardCoverage>
{
    public WardCoverageGraphType()
    {
        Name = "WardCoverage";
        Field<NonNullGraphType<IdGraphType>>("wardCode").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<BooleanGraphType>>("approximate")
            .Description("True when the ward has no imported boundary and an approximate cell around its label point stood in.")
            .Resolve(c => c.Source.Approximate);
        Field<LongGraphType>("population").Description("Census population (2019 for Thu Duc) where the ward layer gave one.").Resolve(c => c.Source.Population);
        Field<FloatGraphType>("uncoveredPopulation")
            .Description("Population × uncovered share of the ward's road length: the people its uncovered roads serve.")
            .Resolve(c => c.Source.UncoveredPopulation);
        Field<NonNullGraphType<CoverageFiguresGraphType>>("figures").Resolve(c => c.Source.Figures);
    }
}
