namespace CityTwin.Twin.Schools;

/// <summary>The <c>lesson_attendance</c> table: pupils present per school and lesson (the newest report).</summary>
public sealed class LessonAttendanceRow
{
    public required string LessonId { get; set; }
    public required string SchoolId { get; set; }
    public int PupilsPresent { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
