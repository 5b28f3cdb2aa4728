using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Schools;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>School</c> type: enrolment and the remote classes it took part in.</summary>
public sealed class SchoolGraphType : ObjectGraphType<SchoolRow>
{
    public SchoolGraphType()
    {
        Name = "School";
        Description = "A school: its level, enrolment and the digital-classroom lessons it hosted or joined.";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Name);
        Field(s => s.WardCode);
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<EnumerationGraphType<SchoolLevel>>>("level").Resolve(c => c.Source.Level);
        Field(s => s.Pupils);
        Field(s => s.Teachers);
        Field(s => s.RemoteClasses).Description("Remote lessons hosted or joined.");
    }
}
