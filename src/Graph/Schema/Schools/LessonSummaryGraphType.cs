using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>LessonSummary</c> type.</summary>
public sealed class LessonSummaryGraphType : ObjectGraphType<LessonSummary>
{
    public LessonSummaryGraphType()
    {
        Name = "LessonSummary";
        Description = "What a lesson reached: schools with attendance, pupils present, questions, answers, polls, and the schools that asked.";
        Field(s => s.SchoolsAttending);
        Field(s => s.PupilsPresent);
        Field(s => s.Questions);
        Field(s => s.Answers);
        Field(s => s.Polls);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("schoolsThatAsked").Resolve(c => c.Source.SchoolsThatAsked);
    }
}
