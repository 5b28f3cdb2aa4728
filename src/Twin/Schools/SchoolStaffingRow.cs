namespace CityTwin.Twin.Schools;

/// <summary>The <c>school_staffing</c> table: teacher posts a school could not fill, as the schools' office reports them.</summary>
public sealed class SchoolStaffingRow
{
    public required string SchoolId { get; set; }
    public int UnfilledTeacherPosts { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
