namespace CityTwin.Graph.Schema.Schools;

/// <summary>A lesson's summary: schools with attendance, pupils present, interactions, and which schools asked questions.</summary>
public sealed record LessonSummary(int SchoolsAttending, int PupilsPresent, int Questions, int Answers, int Polls, IReadOnlyList<string> SchoolsThatAsked);
