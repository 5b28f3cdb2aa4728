using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Wards;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Wards;

/// <summary>
/// The <c>Ward</c> type with the aggregates the map colours wards by. Camera and open-incident counts are the ward
/// grain's own sets (written to the row); place counts come through a batch loader.
/// </summary>
public sealed class WardGraphType : ObjectGraphType<WardRow>
{
    public WardGraphType()
    {
        Name = "Ward";
        Description = "A ward (phường / xã) by GSO code, with its aggregates.";
        Field(w => w.Code, type: typeof(NonNullGraphType<IdGraphType>)).Description("5-digit GSO ward code.");
        Field(w => w.Name);
        Field(w => w.DistrictName);
        Field(w => w.DistrictCode);
        Field<GeoJsonGraphType>("labelPoint").Description("A GeoJSON Point for the ward's label.").Resolve(c => c.Source.LabelPoint);
        Field<GeoJsonGraphType>("boundary").Description("A GeoJSON MultiPolygon, where a boundary was imported.").Resolve(c => c.Source.Boundary);
        Field<NonNullGraphType<IntGraphType>>("cameraCount").Resolve(c => c.Source.CameraIds.Count);
        Field<NonNullGraphType<IntGraphType>>("openIncidentCount").Resolve(c => c.Source.OpenIncidentIds.Count);
        Field<NonNullGraphType<IntGraphType>>("storeCount").Resolve(c => WardCountsLoader.Load(c, c.Source.Code).Then(n => (n ?? WardPlaceCounts.None).Stores));
        Field<NonNullGraphType<IntGraphType>>("schoolCount").Resolve(c => WardCountsLoader.Load(c, c.Source.Code).Then(n => (n ?? WardPlaceCounts.None).Schools));
        Field<NonNullGraphType<IntGraphType>>("clinicCount").Resolve(c => WardCountsLoader.Load(c, c.Source.Code).Then(n => (n ?? WardPlaceCounts.None).Clinics));
    }
}
