using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Schools;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>Digital-classroom reads: <c>lessons</c>, <c>lesson(id)</c> and the <c>teacherShortage</c> view per ward.</summary>
public static class LessonQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LessonGraphType>>>, List<LessonRow>>("lessons")
            .Description("Remote lessons, newest first (at most 200).")
            .Argument<BooleanGraphType>("live", "Only lessons being taught now (true) or not (false).")
            .Argument<IdGraphType>("schoolId", "Only lessons this school hosts or follows.")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.Lessons);
                var now = c.Service<TimeProvider>().GetUtcNow();
                var schoolId = c.GetArgument<string?>("schoolId");
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var lessons = db.Set<LessonRow>().AsNoTracking();
                if (schoolId is not null) lessons = lessons.Where(l => l.HostSchoolId == schoolId || l.RemoteSchoolIds.Contains(schoolId));
                if (c.GetArgument<bool?>("live") is { } live)
                    lessons = live ? lessons.Where(l => l.StartsAt <= now && now < l.EndsAt) : lessons.Where(l => l.StartsAt > now || now >= l.EndsAt);
                return await lessons.OrderByDescending(l => l.StartsAt).ThenBy(l => l.Id).Take(200).ToListAsync(c.CancellationToken);
            });

        query.Field<LessonGraphType, LessonRow>("lesson")
            .Description("One remote lesson by id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.Lessons);
                var id = c.GetArgument<string>("id");
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                return await db.Set<LessonRow>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeacherShortageGraphType>>>, IReadOnlyList<TeacherShortage>>("teacherShortage")
            .Description("Per ward with schools: unfilled teacher posts against remote lessons received in the last 7 days, the largest shortage first.")
            .ResolveAsync(async c =>
            {
                c.Require(Capability.Lessons);
                return await TeacherShortageQuery.RunAsync(c.Service<NpgsqlDataSource>(), c.Service<TimeProvider>().GetUtcNow(), c.CancellationToken);
            });
    }
}
