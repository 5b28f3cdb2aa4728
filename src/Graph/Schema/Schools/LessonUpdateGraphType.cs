using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Schools;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>LessonUpdate</c> event.</summary>
public sealed class LessonUpdateGraphType : ObjectGraphType<LessonChanged>
{
    public LessonUpdateGraphType()
    {
        Name = "LessonUpdate";
        Description = "A remote lesson was scheduled, or attendance or an interaction (question, answer, poll) arrived.";
        this.AddEventFields();
        Field<NonNullGraphType<IdGraphType>>("lessonId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("change").Description("scheduled, attendance or interaction.").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<IdGraphType>>("hostSchoolId").Resolve(c => c.Source.HostSchoolId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("remoteSchoolIds").Resolve(c => c.Source.RemoteSchoolIds);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Resolve(c => c.Source.EndsAt);
        Field<IdGraphType>("schoolId").Description("The school that reported attendance or interacted.").Resolve(c => c.Source.SchoolId);
        Field<IntGraphType>("pupilsPresent").Resolve(c => c.Source.PupilsPresent);
        Field<EnumerationGraphType<LessonInteractionKind>>("interactionKind").Resolve(c => c.Source.InteractionKind);
        Field<StringGraphType>("text").Resolve(c => c.Source.Text);
    }
}
