using CityTwin.Twin.Incidents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>The <c>IncidentTransition</c> type: one step of the lifecycle.</summary>
public sealed class IncidentTransitionGraphType : ObjectGraphType<IncidentTransition>
{
    public IncidentTransitionGraphType()
    {
        Name = "IncidentTransition";
        Description = "One step of an incident's lifecycle: the status it reached, when, who moved it, and a note.";
        Field<NonNullGraphType<EnumerationGraphType<IncidentStatus>>>("status").Resolve(c => c.Source.Status);
        Field(t => t.At);
        Field(t => t.Actor);
        Field(t => t.Note, nullable: true);
    }
}
