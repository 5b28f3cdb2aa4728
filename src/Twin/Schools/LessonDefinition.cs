namespace CityTwin.Twin.Schools;

/// <summary>A remote lesson: taught from a host school by a teacher, followed live by the linked remote schools.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LessonDefinition")]
public sealed record LessonDefinition(
    [property: Id(0)] string HostSchoolId,
    [property: Id(1)] string Teacher,
    [property: Id(2)] string Subject,
    [property: Id(3)] int Grade,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] IReadOnlyList<string> RemoteSchoolIds);
