using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>
/// The <c>Clinic</c> type. Where it is and what it is are public; its imaging counters are health data, shown only
/// to operators and to the clinic's own key (null for everyone else); its studies only to the clinic's own key.
/// </summary>
public sealed class ClinicGraphType : ObjectGraphType<ClinicRow>
{
    public ClinicGraphType()
    {
        Name = "Clinic";
        Description = "A health facility. `imaging` is null unless you are an operator or this clinic.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
        Field(c => c.WardCode);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<EnumerationGraphType<ClinicKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<ClinicImagingGraphType>("imaging")
            .Resolve(c => Access.CanSeeImaging(c.Principal(), c.Source.Id) ? c.Source : null);
        ClinicStudiesField.AddTo(this);
    }
}
