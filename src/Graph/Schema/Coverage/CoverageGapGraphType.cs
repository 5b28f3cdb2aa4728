using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Coverage;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>An uncovered stretch of road, ranked by score.</summary>
public sealed class CoverageGapGraphType : ObjectGraphType<CoverageGap>
{
    public CoverageGapGraphType()
    {
        Name = "CoverageGap";
        Description = "An uncovered stretch of one road in one ward. Score = length × class weight (arterial 3, local 1, alley 0.5; ×2 on gateways) × (1 + ln(1 + sightings within 100 m)).";
        Field<NonNullGraphType<IdGraphType>>("roadId").Resolve(c => c.Source.RoadId);
        Field<StringGraphType>("roadName").Resolve(c => c.Source.RoadName);
        Field<NonNullGraphType<EnumerationGraphType<RoadClass>>>("roadClass").Resolve(c => c.Source.Class);
        Field<NonNullGraphType<BooleanGraphType>>("gateway").Resolve(c => c.Source.Gateway);
        Field<NonNullGraphType<IdGraphType>>("wardCode").Resolve(c => c.Source.WardCode);
        Field<NonNullGraphType<BooleanGraphType>>("approximateWard").Resolve(c => c.Source.ApproximateWard);
        Field<NonNullGraphType<FloatGraphType>>("lengthM").Resolve(c => c.Source.LengthM);
        Field<NonNullGraphType<LongGraphType>>("sightings").Description("Plate sightings within 100 m: observed traffic.").Resolve(c => c.Source.Sightings);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<GeoJsonGraphType>>("geometry").Resolve(c => GeoJsonReader.Read(c.Source.GeoJson));
    }
}
