namespace CityTwin.Twin.Schools;

/// <summary>How many pupils of a school are following the lesson; a later report replaces an earlier one.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LessonAttendance")]
public sealed record LessonAttendance(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] int PupilsPresent,
    [property: Id(2)] DateTimeOffset At);
