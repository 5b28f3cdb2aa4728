using CityTwin.Twin.Clinics;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>The <c>ImagingFinding</c> type: a label whose AI score reached its calibrated threshold.</summary>
public sealed class ImagingFindingGraphType : ObjectGraphType<ImagingFinding>
{
    public ImagingFindingGraphType()
    {
        Name = "ImagingFinding";
        Description = "A finding of an AI reading: a label of the model and its score in [0, 1].";
        Field(f => f.Label);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => (double)c.Source.Score);
    }
}
