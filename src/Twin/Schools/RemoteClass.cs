namespace CityTwin.Twin.Schools;

/// <summary>A lesson taught from one school and followed by others (the digital classroom story).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.RemoteClass")]
public sealed record RemoteClass(
    [property: Id(0)] string ClassId,
    [property: Id(1)] string HostSchoolId,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] string Subject);
