using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>TeacherShortage</c> type.</summary>
public sealed class TeacherShortageGraphType : ObjectGraphType<TeacherShortage>
{
    public TeacherShortageGraphType()
    {
        Name = "TeacherShortage";
        Description = "A ward's unfilled teacher posts against the remote lessons its schools received in the last 7 days.";
        Field(t => t.WardCode);
        Field(t => t.WardName);
        Field(t => t.Schools);
        Field(t => t.UnfilledTeacherPosts);
        Field(t => t.RemoteLessonsLastWeek);
    }
}
