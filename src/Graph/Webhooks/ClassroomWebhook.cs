using System.Text.Json;
using CityTwin.Graph.Execution;
using CityTwin.Twin.Schools;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// <c>POST /webhooks/classroom</c>: the classroom platform posts attendance and interactions (questions, answers, polls)
/// of one lesson, signed like the market webhook. 200 with counts, 400 with per-item errors (nothing stored), 503 when
/// storage failed (interactions are idempotent by id, so a retry is safe).
/// </summary>
public sealed partial class ClassroomWebhook(SignedWebhookReader reader, IGrainFactory grains, ILogger<ClassroomWebhook> logger)
{
    public const string Path = "/webhooks/classroom";

    public async Task HandleAsync(HttpContext context)
    {
        if (await reader.ReadAsync(context) is not var (body, signature)) return;
        var stored = false;
        try
        {
            stored = await ApplyAsync(context, body);
        }
        finally
        {
            if (!stored) reader.Release(signature);
        }
    }

    private async Task<bool> ApplyAsync(HttpContext context, byte[] body)
    {
        ClassroomWebhookBody? request;
        try
        {
            request = JsonSerializer.Deserialize<ClassroomWebhookBody>(body, SignedWebhookReader.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status400BadRequest, "BAD_JSON", e is JsonException ? $"The body is not the expected JSON: {e.Message}" : JsonText.LoneSurrogate);
            return false;
        }
        if (request?.LessonId is not { Length: > 0 and <= 128 } lessonId)
        {
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status400BadRequest, "BAD_JSON",
                "The body must be { \"lessonId\": \"...\", \"attendance\": [ ... ], \"interactions\": [ ... ] }.");
            return false;
        }
        var errors = new List<LessonError>();
        var attendance = new List<LessonAttendance>();
        foreach (var (a, i) in (request.Attendance ?? []).Select((a, i) => (a, i)))
        {
            if (a?.SchoolId is null || a.PupilsPresent is null || a.At is null) errors.Add(new LessonError(LessonErrorCodes.InvalidField, "attendance needs schoolId, pupilsPresent and at", i));
            else attendance.Add(new LessonAttendance(a.SchoolId, a.PupilsPresent.Value, a.At.Value));
        }
        var interactions = new List<LessonInteraction>();
        foreach (var (x, i) in (request.Interactions ?? []).Select((x, i) => (x, i)))
        {
            if (x?.InteractionId is null || x.SchoolId is null || x.Kind is null || x.At is null) errors.Add(new LessonError(LessonErrorCodes.InvalidField, "an interaction needs interactionId, schoolId, kind and at", i));
            else interactions.Add(new LessonInteraction(x.InteractionId, x.SchoolId, x.Kind.Value, x.Text, x.At.Value));
        }
        LessonRecordResult result;
        try
        {
            result = errors.Count > 0 ? new LessonRecordResult(0, 0, errors) : await grains.GetGrain<ILessonGrain>(lessonId).RecordAsync(attendance, interactions);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecordFailed(logger, e, lessonId);
            context.Response.Headers.RetryAfter = "1";
            await SignedWebhookReader.RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE", "The twin could not store the reports now; send them again.");
            return false;
        }
        context.Response.StatusCode = result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(result, SignedWebhookReader.Json, context.RequestAborted);
        return result.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing classroom reports for lesson {LessonId} failed; the platform was told to retry")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string lessonId);
}
