namespace CityTwin.Twin.Schools;

/// <summary>The <c>lesson_interactions</c> table: questions, answers and polls, one row per platform interaction id.</summary>
public sealed class LessonInteractionRow
{
    public long Id { get; set; }
    public required string LessonId { get; set; }
    public required string InteractionId { get; set; }
    public required string SchoolId { get; set; }
    public LessonInteractionKind Kind { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset At { get; set; }
}
