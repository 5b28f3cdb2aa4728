using CityTwin.Twin.Schools;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>LessonError</c> type.</summary>
public sealed class LessonErrorGraphType : ObjectGraphType<LessonError>
{
    public LessonErrorGraphType()
    {
        Name = "LessonError";
        Description = "Why a lesson change was refused: UNKNOWN_LESSON, UNKNOWN_SCHOOL, SELF_LINK, ENDS_BEFORE_START, FUTURE_TIME or INVALID_FIELD.";
        Field(e => e.Code);
        Field(e => e.Message);
        Field(e => e.Index).Description("The item's index where a list was sent.");
    }
}
