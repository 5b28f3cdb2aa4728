using CityTwin.Twin.Schools;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>A lesson mutation's answer: the lesson as stored, or the errors that stopped the change.</summary>
public sealed record LessonPayload(LessonRow? Lesson, IReadOnlyList<LessonError> Errors, int Recorded = 0);
