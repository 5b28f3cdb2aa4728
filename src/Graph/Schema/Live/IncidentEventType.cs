using CityTwin.Twin.Incidents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>An incident opened or moved along its lifecycle (on <c>alerts</c>: opened).</summary>
public sealed class IncidentEventType : ObjectGraphType<IncidentChanged>
{
    public IncidentEventType()
    {
        Name = "IncidentEvent";
        Description = "An incident was opened or moved along detected → confirmed → dispatched → on scene → resolved.";
        this.AddEventFields();
        Field<NonNullGraphType<StringGraphType>>("incidentId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<EnumerationGraphType<IncidentKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<IncidentStatus>>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("wardCode").Resolve(c => c.Source.WardCode);
        Field<NonNullGraphType<FloatGraphType>>("uncertaintyM").Description("Radius of the location's uncertainty, in metres.")
            .Resolve(c => c.Source.UncertaintyM);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who reported or moved it.").Resolve(c => c.Source.Actor);
    }
}
