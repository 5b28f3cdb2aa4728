using CityTwin.Twin.Schools;

namespace CityTwin.Graph.Webhooks;

/// <summary>The classroom webhook's JSON body: <c>{"lessonId": "...", "attendance": [...], "interactions": [...]}</c>.</summary>
public sealed class ClassroomWebhookBody
{
    public string? LessonId { get; set; }
    public List<AttendanceInput?>? Attendance { get; set; }
    public List<InteractionInput?>? Interactions { get; set; }

    /// <summary>Pupils of a school present at a time.</summary>
    public sealed class AttendanceInput
    {
        public string? SchoolId { get; set; }
        public int? PupilsPresent { get; set; }
        public DateTimeOffset? At { get; set; }
    }

    /// <summary>A question, answer or poll from a school, with the platform's id for it.</summary>
    public sealed class InteractionInput
    {
        public string? InteractionId { get; set; }
        public string? SchoolId { get; set; }
        public LessonInteractionKind? Kind { get; set; }
        public string? Text { get; set; }
        public DateTimeOffset? At { get; set; }
    }
}
