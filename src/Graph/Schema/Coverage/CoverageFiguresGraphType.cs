using CityTwin.Twin.Coverage;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>Road length and the part some camera's view area covers, in metres and percent.</summary>
public sealed class CoverageFiguresGraphType : ObjectGraphType<CoverageFigures>
{
    public CoverageFiguresGraphType()
    {
        Name = "CoverageFigures";
        Description = "Road length in scope and the part inside at least one view area (line of sight not modelled).";
        Field<NonNullGraphType<FloatGraphType>>("lengthM").Resolve(c => c.Source.LengthM);
        Field<NonNullGraphType<FloatGraphType>>("coveredM").Resolve(c => c.Source.CoveredM);
        Field<NonNullGraphType<FloatGraphType>>("uncoveredM").Resolve(c => c.Source.UncoveredM);
        Field<NonNullGraphType<FloatGraphType>>("percent").Description("Covered share, 0..100.").Resolve(c => c.Source.Percent);
    }
}
