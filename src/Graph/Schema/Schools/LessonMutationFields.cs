using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Schools;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The schools' office's mutations: schedule a remote lesson, record attendance, report unfilled teacher posts.</summary>
public static class LessonMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LessonPayloadGraphType>, LessonPayload>("scheduleRemoteLesson")
            .Description("Schedules (or changes) a remote lesson taught from a host school to 1..20 remote schools. The schools' office and operators.")
            .Argument<NonNullGraphType<IdGraphType>>("lessonId")
            .Argument<NonNullGraphType<IdGraphType>>("hostSchoolId")
            .Argument<NonNullGraphType<StringGraphType>>("teacher")
            .Argument<NonNullGraphType<StringGraphType>>("subject")
            .Argument<NonNullGraphType<IntGraphType>>("grade")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("remoteSchoolIds")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.ManageLessons);
                var id = c.GetArgument<string>("lessonId");
                var errors = await c.Service<IGrainFactory>().GetGrain<ILessonGrain>(id).ScheduleAsync(new LessonDefinition(
                    c.GetArgument<string>("hostSchoolId"), c.GetArgument<string>("teacher"), c.GetArgument<string>("subject"), c.GetArgument<int>("grade"),
                    c.GetArgument<DateTimeOffset>("startsAt"), c.GetArgument<DateTimeOffset>("endsAt"), c.GetArgument<List<string>>("remoteSchoolIds")));
                return errors.Count > 0 ? new LessonPayload(null, errors) : new LessonPayload(await LoadAsync(c, id), []);
            });

        mutation.Field<NonNullGraphType<LessonPayloadGraphType>, LessonPayload>("recordLessonAttendance")
            .Description("Pupils of a linked school present at a lesson (the newest report counts). The schools' office and operators.")
            .Argument<NonNullGraphType<IdGraphType>>("lessonId")
            .Argument<NonNullGraphType<IdGraphType>>("schoolId")
            .Argument<NonNullGraphType<IntGraphType>>("pupilsPresent")
            .Argument<DateTimeOffsetGraphType>("at", "Default: now.")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.ManageLessons);
                var id = c.GetArgument<string>("lessonId");
                var at = c.GetArgument<DateTimeOffset?>("at") ?? c.Service<TimeProvider>().GetUtcNow();
                var result = await c.Service<IGrainFactory>().GetGrain<ILessonGrain>(id).RecordAsync(
                    [new LessonAttendance(c.GetArgument<string>("schoolId"), c.GetArgument<int>("pupilsPresent"), at)], []);
                return result.Accepted ? new LessonPayload(await LoadAsync(c, id), [], result.Recorded) : new LessonPayload(null, result.Errors);
            });

        mutation.Field<NonNullGraphType<LessonPayloadGraphType>, LessonPayload>("setUnfilledTeacherPosts")
            .Description("The teacher posts a school could not fill (the teacher-shortage view). The schools' office and operators.")
            .Argument<NonNullGraphType<IdGraphType>>("schoolId")
            .Argument<NonNullGraphType<IntGraphType>>("posts")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.ManageLessons);
                var schoolId = c.GetArgument<string>("schoolId");
                var posts = c.GetArgument<int>("posts");
                if (posts is < 0 or > 10_000) return new LessonPayload(null, [new LessonError(LessonErrorCodes.InvalidField, "posts must be 0..10000")]);
                if (await c.Service<IGrainFactory>().GetGrain<ISchoolGrain>(schoolId).GetAsync() is null)
                    return new LessonPayload(null, [new LessonError(LessonErrorCodes.UnknownSchool, $"no school {schoolId}")]);
                await using var command = c.Service<NpgsqlDataSource>().CreateCommand("""
                    INSERT INTO school_staffing (school_id, unfilled_teacher_posts, updated_at) VALUES (@school, @posts, now())
                    ON CONFLICT (school_id) DO UPDATE SET unfilled_teacher_posts = excluded.unfilled_teacher_posts, updated_at = excluded.updated_at
                    """);
                command.Parameters.AddWithValue("school", schoolId);
                command.Parameters.AddWithValue("posts", posts);
                await command.ExecuteNonQueryAsync(c.CancellationToken);
                return new LessonPayload(null, [], 1);
            });
    }

    private static async Task<LessonRow?> LoadAsync(IResolveFieldContext context, string id)
    {
        await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
        return await db.Set<LessonRow>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, context.CancellationToken);
    }
}
