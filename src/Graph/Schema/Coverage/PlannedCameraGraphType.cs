using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Planning;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>A camera of an adopted plan: status planned, counted in coverage, drawn on the map.</summary>
public sealed class PlannedCameraGraphType : ObjectGraphType<PlannedCameraRow>
{
    public PlannedCameraGraphType()
    {
        Name = "PlannedCamera";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("planId").Resolve(c => c.Source.PlanId);
        Field<NonNullGraphType<StringGraphType>>("status").Description("Always `planned`: nothing is installed yet.").Resolve(_ => "planned");
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("wardCode").Resolve(c => c.Source.WardCode);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<GeoJsonGraphType>>("viewArea").Resolve(c => c.Source.ViewArea);
        Field<NonNullGraphType<FloatGraphType>>("gainM").Resolve(c => c.Source.GainM);
    }
}
