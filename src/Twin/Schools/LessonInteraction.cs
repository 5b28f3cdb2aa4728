namespace CityTwin.Twin.Schools;

/// <summary>A question, answer or poll during a lesson, and the school it came from. The platform's id makes it idempotent.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LessonInteraction")]
public sealed record LessonInteraction(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] LessonInteractionKind Kind,
    [property: Id(3)] string? Text,
    [property: Id(4)] DateTimeOffset At);
