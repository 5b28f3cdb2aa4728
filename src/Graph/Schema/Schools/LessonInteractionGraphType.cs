using CityTwin.Twin.Schools;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>LessonInteraction</c> type.</summary>
public sealed class LessonInteractionGraphType : ObjectGraphType<LessonInteractionRow>
{
    public LessonInteractionGraphType()
    {
        Name = "LessonInteraction";
        Description = "A question, answer or poll during a lesson, and the school it came from.";
        Field(i => i.InteractionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.SchoolId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<EnumerationGraphType<LessonInteractionKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(i => i.Text, nullable: true);
        Field(i => i.At);
    }
}
