namespace CityTwin.Twin.Schools;

/// <summary>A remote lesson of the digital classroom: its schools, attendance and interactions. Key: lesson id.</summary>
[Alias("CityTwin.ILessonGrain")]
public interface ILessonGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<LessonDefinition?> GetAsync();

    /// <summary>Schedules the lesson or changes it; errors say what was refused, and nothing is stored then.</summary>
    [Alias("Schedule")] Task<IReadOnlyList<LessonError>> ScheduleAsync(LessonDefinition definition);

    /// <summary>Records attendance and interactions, all or nothing; an interaction id already recorded is a duplicate.</summary>
    [Alias("Record")] Task<LessonRecordResult> RecordAsync(IReadOnlyList<LessonAttendance> attendance, IReadOnlyList<LessonInteraction> interactions);
}
