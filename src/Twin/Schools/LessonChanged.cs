using CityTwin.Twin.Events;

namespace CityTwin.Twin.Schools;

/// <summary>
/// A remote lesson was scheduled, or attendance or an interaction arrived (on <see cref="TwinStreams.Lessons"/>). It names
/// the host and remote schools so the map can draw its arcs without asking.
/// </summary>
[GenerateSerializer, Alias("CityTwin.LessonChanged")]
public sealed record LessonChanged : TwinEvent
{
    public const string Kind = "lesson";

    /// <summary>scheduled, attendance or interaction.</summary>
    [Id(0)] public required string Change { get; init; }
    [Id(1)] public required string HostSchoolId { get; init; }
    [Id(2)] public required IReadOnlyList<string> RemoteSchoolIds { get; init; }
    [Id(3)] public required DateTimeOffset StartsAt { get; init; }
    [Id(4)] public required DateTimeOffset EndsAt { get; init; }
    /// <summary>The school that reported attendance or interacted.</summary>
    [Id(5)] public string? SchoolId { get; init; }
    [Id(6)] public int? PupilsPresent { get; init; }
    [Id(7)] public LessonInteractionKind? InteractionKind { get; init; }
    [Id(8)] public string? Text { get; init; }
}
