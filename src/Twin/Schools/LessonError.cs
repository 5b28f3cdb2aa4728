namespace CityTwin.Twin.Schools;

/// <summary>Why a lesson change was refused: a code (<see cref="LessonErrorCodes"/>), the reason, and the item's index where a list was sent.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LessonError")]
public sealed record LessonError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] int Index = 0);
