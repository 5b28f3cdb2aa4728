using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Streams;

namespace CityTwin.Twin.Schools;

/// <summary>
/// A remote lesson, stored in <c>lessons</c>, <c>lesson_attendance</c> and <c>lesson_interactions</c>. The grain is the
/// lesson's one writer; each batch is one transaction, and its events are published after the commit.
/// </summary>
public sealed class LessonGrain(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LessonGrain> logger) : Grain, ILessonGrain
{
    private const int MaxRemoteSchools = 20;
    private const int MaxBatch = 1_000;
    private LessonDefinition? lesson;
    private IAsyncStream<TwinEvent>? stream;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = this.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(TwinStreams.Lessons));
        await using var command = dataSource.CreateCommand(
            "SELECT host_school_id, teacher, subject, grade, starts_at, ends_at, remote_school_ids FROM lessons WHERE id = @id");
        command.Parameters.AddWithValue("id", Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
            lesson = new LessonDefinition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<string[]>(6));
    }

    public Task<LessonDefinition?> GetAsync() => Task.FromResult(lesson);

    public async Task<IReadOnlyList<LessonError>> ScheduleAsync(LessonDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = await ValidateAsync(definition);
        if (errors.Count > 0) return errors;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO lessons (id, host_school_id, teacher, subject, grade, starts_at, ends_at, remote_school_ids, questions, answers, polls)
            VALUES (@id, @host, @teacher, @subject, @grade, @starts, @ends, @remotes, 0, 0, 0)
            ON CONFLICT (id) DO UPDATE SET host_school_id = excluded.host_school_id, teacher = excluded.teacher, subject = excluded.subject,
                grade = excluded.grade, starts_at = excluded.starts_at, ends_at = excluded.ends_at, remote_school_ids = excluded.remote_school_ids
            """);
        command.Parameters.AddWithValue("id", Key);
        command.Parameters.AddWithValue("host", definition.HostSchoolId);
        command.Parameters.AddWithValue("teacher", definition.Teacher);
        command.Parameters.AddWithValue("subject", definition.Subject);
        command.Parameters.AddWithValue("grade", definition.Grade);
        command.Parameters.AddWithValue("starts", definition.StartsAt.UtcDateTime);
        command.Parameters.AddWithValue("ends", definition.EndsAt.UtcDateTime);
        command.Parameters.AddWithValue("remotes", definition.RemoteSchoolIds.ToArray());
        await command.ExecuteNonQueryAsync();
        lesson = definition;
        await PublishAsync(Event("scheduled"));
        return [];
    }

    public async Task<LessonRecordResult> RecordAsync(IReadOnlyList<LessonAttendance> attendance, IReadOnlyList<LessonInteraction> interactions)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(interactions);
        if (lesson is null) return new(0, 0, [new LessonError(LessonErrorCodes.UnknownLesson, $"lesson {Key}: no such lesson")]);
        var errors = ValidateReports(attendance, interactions);
        if (errors.Count > 0) return new(0, 0, errors);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var report in attendance)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO lesson_attendance (lesson_id, school_id, pupils_present, recorded_at) VALUES (@lesson, @school, @present, @at)
                ON CONFLICT (lesson_id, school_id) DO UPDATE SET pupils_present = excluded.pupils_present, recorded_at = excluded.recorded_at
                WHERE lesson_attendance.recorded_at <= excluded.recorded_at
                """, connection, transaction);
            upsert.Parameters.AddWithValue("lesson", Key);
            upsert.Parameters.AddWithValue("school", report.SchoolId);
            upsert.Parameters.AddWithValue("present", report.PupilsPresent);
            upsert.Parameters.AddWithValue("at", report.At.UtcDateTime);
            await upsert.ExecuteNonQueryAsync();
        }
        var fresh = new List<LessonInteraction>();
        foreach (var interaction in interactions)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO lesson_interactions (lesson_id, interaction_id, school_id, kind, text, at) VALUES (@lesson, @id, @school, @kind, @text, @at)
                ON CONFLICT (lesson_id, interaction_id) DO NOTHING
                """, connection, transaction);
            insert.Parameters.AddWithValue("lesson", Key);
            insert.Parameters.AddWithValue("id", interaction.InteractionId);
            insert.Parameters.AddWithValue("school", interaction.SchoolId);
            insert.Parameters.AddWithValue("kind", interaction.Kind.ToString());
            insert.Parameters.AddWithValue("text", (object?)interaction.Text ?? DBNull.Value);
            insert.Parameters.AddWithValue("at", interaction.At.UtcDateTime);
            if (await insert.ExecuteNonQueryAsync() == 1) fresh.Add(interaction);
        }
        // Counters are recounted from the rows in the same transaction, so they always equal the interactions stored.
        await using (var recount = new NpgsqlCommand("""
            UPDATE lessons SET
                questions = (SELECT count(*) FROM lesson_interactions WHERE lesson_id = @lesson AND kind = 'Question'),
                answers = (SELECT count(*) FROM lesson_interactions WHERE lesson_id = @lesson AND kind = 'Answer'),
                polls = (SELECT count(*) FROM lesson_interactions WHERE lesson_id = @lesson AND kind = 'Poll')
            WHERE id = @lesson
            """, connection, transaction))
        {
            recount.Parameters.AddWithValue("lesson", Key);
            await recount.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        foreach (var report in attendance)
            await PublishAsync(Event("attendance") with { SchoolId = report.SchoolId, PupilsPresent = report.PupilsPresent, OccurredAt = report.At });
        foreach (var interaction in fresh)
            await PublishAsync(Event("interaction") with { SchoolId = interaction.SchoolId, InteractionKind = interaction.Kind, Text = interaction.Text, OccurredAt = interaction.At });
        return new(fresh.Count + attendance.Count, interactions.Count - fresh.Count, []);
    }

    private async Task<List<LessonError>> ValidateAsync(LessonDefinition definition)
    {
        var errors = new List<LessonError>();
        void Refuse(string code, string message) => errors.Add(new LessonError(code, $"lesson {Key}: {message}"));
        if (Key.Length > 128) Refuse(LessonErrorCodes.InvalidField, "a lesson id has at most 128 characters");
        if (string.IsNullOrWhiteSpace(definition.Teacher) || definition.Teacher.Length > 200 || string.IsNullOrWhiteSpace(definition.Subject) || definition.Subject.Length > 200)
            Refuse(LessonErrorCodes.InvalidField, "a teacher and a subject of 1..200 characters are required");
        if (definition.Grade is < 1 or > 12) Refuse(LessonErrorCodes.InvalidField, "grade must be 1..12");
        if (definition.EndsAt <= definition.StartsAt) Refuse(LessonErrorCodes.EndsBeforeStart, $"ends at {definition.EndsAt:O}, not after it starts at {definition.StartsAt:O}");
        if (definition.RemoteSchoolIds is not { Count: >= 1 and <= MaxRemoteSchools })
            Refuse(LessonErrorCodes.InvalidField, $"a lesson links 1..{MaxRemoteSchools} remote schools");
        else if (definition.RemoteSchoolIds.Contains(definition.HostSchoolId, StringComparer.Ordinal))
            Refuse(LessonErrorCodes.SelfLink, $"school {definition.HostSchoolId} cannot follow its own lesson remotely");
        else if (definition.RemoteSchoolIds.Distinct(StringComparer.Ordinal).Count() != definition.RemoteSchoolIds.Count)
            Refuse(LessonErrorCodes.InvalidField, "a remote school is linked twice");
        if (errors.Count > 0) return errors;
        foreach (var school in definition.RemoteSchoolIds.Prepend(definition.HostSchoolId))
            if (await GrainFactory.GetGrain<ISchoolGrain>(school).GetAsync() is null)
                Refuse(LessonErrorCodes.UnknownSchool, $"no school {school}");
        return errors;
    }

    private List<LessonError> ValidateReports(IReadOnlyList<LessonAttendance> attendance, IReadOnlyList<LessonInteraction> interactions)
    {
        var errors = new List<LessonError>();
        if (attendance.Count + interactions.Count > MaxBatch)
            return [new LessonError(LessonErrorCodes.InvalidField, $"at most {MaxBatch} reports at once")];
        var now = clock.GetUtcNow();
        var schools = lesson!.RemoteSchoolIds.Prepend(lesson.HostSchoolId).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < attendance.Count; i++)
        {
            var report = attendance[i];
            if (!schools.Contains(report.SchoolId ?? ""))
                errors.Add(new LessonError(LessonErrorCodes.UnknownSchool, $"lesson {Key}: school {report.SchoolId} is not linked to this lesson", i));
            else if (report.PupilsPresent is < 0 or > 5_000)
                errors.Add(new LessonError(LessonErrorCodes.InvalidField, $"lesson {Key}: pupils present must be 0..5000", i));
            else if (report.At > now + TwinClock.AllowedSkew)
                errors.Add(new LessonError(LessonErrorCodes.FutureTime, $"lesson {Key}: attendance at {report.At:O} is in the future", i));
        }
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i];
            if (string.IsNullOrWhiteSpace(interaction.InteractionId) || interaction.InteractionId.Length > 128 || interaction.Text is { Length: > 2000 } || !Enum.IsDefined(interaction.Kind))
                errors.Add(new LessonError(LessonErrorCodes.InvalidField, $"lesson {Key}: an interaction needs an id of 1..128 characters, a known kind and at most 2000 characters of text", i));
            else if (!schools.Contains(interaction.SchoolId ?? ""))
                errors.Add(new LessonError(LessonErrorCodes.UnknownSchool, $"lesson {Key}: school {interaction.SchoolId} is not linked to this lesson", i));
            else if (interaction.At > now + TwinClock.AllowedSkew)
                errors.Add(new LessonError(LessonErrorCodes.FutureTime, $"lesson {Key}: interaction at {interaction.At:O} is in the future", i));
        }
        return errors;
    }

    private LessonChanged Event(string change) => new()
    {
        EntityKind = LessonChanged.Kind, EntityId = Key, Change = change, HostSchoolId = lesson!.HostSchoolId, RemoteSchoolIds = lesson.RemoteSchoolIds,
        StartsAt = lesson.StartsAt, EndsAt = lesson.EndsAt,
    };

    private async Task PublishAsync(TwinEvent domainEvent)
    {
        try
        {
            await stream!.OnNextAsync(domainEvent);
        }
        catch (Exception e)
        {
            PublishLog.PublishFailed(logger, e, domainEvent.GetType().Name, domainEvent.EntityKind, domainEvent.EntityId, TwinStreams.Lessons);
        }
    }
}
