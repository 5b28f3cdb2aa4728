using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Live;
using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Events;
using CityTwin.Twin.Schools;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary><c>lessonUpdates</c>: lessons scheduled, attendance and interactions as they are stored, for roles that read lessons.</summary>
internal static class LessonSubscriptionFields
{
    public static void AddTo(ObjectGraphType subscription, ILiveEvents events) =>
        subscription.Field<NonNullGraphType<LessonUpdateGraphType>, object>("lessonUpdates")
            .Description("Remote lessons scheduled, attendance and interactions as they arrive.")
            .Argument<IdGraphType>("lessonId", "Only this lesson.")
            .Argument<IdGraphType>("schoolId", "Only lessons this school hosts or follows.")
            .ResolveStream(c =>
            {
                var caller = LiveErrors.Principal(c);
                if (!Access.Allows(caller, Capability.Lessons))
                    throw LiveErrors.NotAllowed($"lessonUpdates is not open to the {Access.Name(caller.Role)} role");
                var lessonId = c.GetArgument<string?>("lessonId");
                var schoolId = c.GetArgument<string?>("schoolId");
                var filter = new LiveFilter(new HashSet<string>(StringComparer.Ordinal) { TwinStreams.Lessons }, null,
                    new HashSet<string>(StringComparer.Ordinal) { LiveKinds.Lesson });
                return new LiveProjection(events.Observe(filter), e =>
                    e is not LessonChanged lesson || (lessonId is not null && lesson.EntityId != lessonId) ? null
                    : schoolId is not null && lesson.HostSchoolId != schoolId && !lesson.RemoteSchoolIds.Contains(schoolId) ? null
                    : lesson);
            });
}
