namespace CityTwin.Graph.Schema.Schools;

/// <summary>One ward's teacher shortage against the remote lessons its schools received in the last seven days.</summary>
public sealed record TeacherShortage(string WardCode, string WardName, int Schools, int UnfilledTeacherPosts, int RemoteLessonsLastWeek);
