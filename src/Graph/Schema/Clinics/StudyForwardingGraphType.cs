using GraphQL.Types;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>The <c>StudyForwarding</c> type: how sending a study and its AI report to the clinic's PACS stands.</summary>
public sealed class StudyForwardingGraphType : ObjectGraphType<StudyForwarding>
{
    public StudyForwardingGraphType()
    {
        Name = "StudyForwarding";
        Description = "Forwarding of the study's images and AI report to the clinic's PACS. FORWARDED only once the PACS confirmed every item.";
        Field<NonNullGraphType<EnumerationGraphType<ForwardingState>>>("state").Resolve(c => c.Source.State);
        Field(f => f.Attempts).Description("Attempts of the item that took the most.");
        Field(f => f.LastError, nullable: true).Description("Why the last attempt failed (the PACS's status or the network error).");
        Field(f => f.ForwardedAt, nullable: true).Description("When the PACS confirmed the last item.");
    }
}
