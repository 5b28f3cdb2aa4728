using CityTwin.Twin.Schools;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>LessonAttendance</c> type.</summary>
public sealed class LessonAttendanceGraphType : ObjectGraphType<LessonAttendanceRow>
{
    public LessonAttendanceGraphType()
    {
        Name = "LessonAttendance";
        Description = "Pupils of one school following a lesson, as last reported.";
        Field(a => a.SchoolId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.PupilsPresent);
        Field(a => a.RecordedAt);
    }
}
