using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Schools;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>The <c>Lesson</c> type: a remote lesson, its schools, attendance, interactions and summary.</summary>
public sealed class LessonGraphType : ObjectGraphType<LessonRow>
{
    public LessonGraphType()
    {
        Name = "Lesson";
        Description = "A remote lesson of the digital classroom: taught from a host school, followed live by remote schools.";
        Field(l => l.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.HostSchoolId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Teacher);
        Field(l => l.Subject);
        Field(l => l.Grade);
        Field(l => l.StartsAt);
        Field(l => l.EndsAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("remoteSchoolIds").Resolve(c => c.Source.RemoteSchoolIds);
        Field<NonNullGraphType<BooleanGraphType>>("live").Description("Whether the lesson is being taught now.")
            .Resolve(c => LessonClock.IsLive(c.Source, c.Service<TimeProvider>().GetUtcNow()));
        Field(l => l.Questions);
        Field(l => l.Answers);
        Field(l => l.Polls);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LessonAttendanceGraphType>>>, List<LessonAttendanceRow>>("attendance")
            .Description("Pupils present per school (the newest report of each).")
            .ResolveAsync(async c =>
            {
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                return await db.Set<LessonAttendanceRow>().AsNoTracking().Where(a => a.LessonId == c.Source.Id).OrderBy(a => a.SchoolId).ToListAsync(c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LessonInteractionGraphType>>>, List<LessonInteractionRow>>("interactions")
            .Description("Questions, answers and polls, in the order they happened.")
            .Argument<IntGraphType>("last", "Only the last this many (1..500, default 100).")
            .ResolveAsync(async c =>
            {
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var last = await db.Set<LessonInteractionRow>().AsNoTracking().Where(i => i.LessonId == c.Source.Id)
                    .OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(Math.Clamp(c.GetArgument<int?>("last") ?? 100, 1, 500)).ToListAsync(c.CancellationToken);
                last.Reverse();
                return last;
            });
        Field<NonNullGraphType<LessonSummaryGraphType>, LessonSummary>("summary")
            .Description("Schools that reported attendance, pupils present and interactions.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var attendance = await db.Set<LessonAttendanceRow>().AsNoTracking().Where(a => a.LessonId == c.Source.Id).ToListAsync(c.CancellationToken);
                var askedBy = await db.Set<LessonInteractionRow>().AsNoTracking()
                    .Where(i => i.LessonId == c.Source.Id && i.Kind == LessonInteractionKind.Question)
                    .Select(i => i.SchoolId).Distinct().OrderBy(s => s).ToListAsync(c.CancellationToken);
                return new LessonSummary(attendance.Count, attendance.Sum(a => a.PupilsPresent), c.Source.Questions, c.Source.Answers, c.Source.Polls, askedBy);
            });
    }
}
