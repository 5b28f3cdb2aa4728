namespace CityTwin.Twin.Schools;

/// <summary>The <c>lessons</c> table: a remote lesson and its interaction counters.</summary>
public sealed class LessonRow
{
    public required string Id { get; set; }
    public required string HostSchoolId { get; set; }
    public string Teacher { get; set; } = "";
    public string Subject { get; set; } = "";
    public int Grade { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public List<string> RemoteSchoolIds { get; set; } = [];
    public int Questions { get; set; }
    public int Answers { get; set; }
    public int Polls { get; set; }
}
