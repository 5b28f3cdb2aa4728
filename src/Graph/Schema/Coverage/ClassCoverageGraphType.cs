using CityTwin.Twin.Coverage;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>Coverage of one road class.</summary>
public sealed class ClassCoverageGraphType : ObjectGraphType<ClassCoverage>
{
    public ClassCoverageGraphType()
    {
        Name = "ClassCoverage";
        Field<NonNullGraphType<EnumerationGraphType<RoadClass>>>("roadClass").Resolve(c => c.Source.Class);
        Field<NonNullGraphType<CoverageFiguresGraphType>>("figures").Resolve(c => c.Source.Figures);
    }
}
