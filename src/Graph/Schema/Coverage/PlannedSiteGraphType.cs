using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Planning;
using CityTwin.Twin.Spatial;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>A proposed camera with its view area and marginal gain.</summary>
public sealed class PlannedSiteGraphType : ObjectGraphType<PlannedSite>
{
    public PlannedSiteGraphType()
    {
        Name = "PlannedSite";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 adds the most; each next adds the most to those before.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Resolve(c => new GeoPoint(c.Source.Longitude, c.Source.Latitude).ToPoint());
        Field<NonNullGraphType<FloatGraphType>>("headingDeg").Resolve(c => c.Source.HeadingDeg);
        Field<NonNullGraphType<FloatGraphType>>("fieldOfViewDeg").Resolve(c => c.Source.FieldOfViewDeg);
        Field<NonNullGraphType<FloatGraphType>>("rangeM").Resolve(c => c.Source.RangeM);
        Field<NonNullGraphType<IdGraphType>>("wardCode").Resolve(c => c.Source.WardCode);
        Field<NonNullGraphType<FloatGraphType>>("gainM").Description("Uncovered road length this site adds (marginal gain).").Resolve(c => c.Source.GainM);
        Field<NonNullGraphType<GeoJsonGraphType>>("viewArea").Resolve(c => c.Source.ViewArea());
    }
}
