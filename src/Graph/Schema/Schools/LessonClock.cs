using CityTwin.Twin.Schools;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>When a lesson counts as live: between its start and its end.</summary>
public static class LessonClock
{
    public static bool IsLive(LessonRow lesson, DateTimeOffset now) => lesson.StartsAt <= now && now < lesson.EndsAt;
}
