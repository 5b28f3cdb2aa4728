using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>LessonPayload</c> type.</summary>
public sealed class LessonPayloadGraphType : ObjectGraphType<LessonPayload>
{
    public LessonPayloadGraphType()
    {
        Name = "LessonPayload";
        Description = "The lesson after the change, or null with the errors that stopped it (nothing was stored then).";
        Field<LessonGraphType>("lesson").Resolve(c => c.Source.Lesson);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LessonErrorGraphType>>>>("errors").Resolve(c => c.Source.Errors);
        Field(p => p.Recorded).Description("Reports recorded by this change.");
    }
}
