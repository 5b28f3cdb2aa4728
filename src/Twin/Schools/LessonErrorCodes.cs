namespace CityTwin.Twin.Schools;

/// <summary>Error codes of lesson changes (GraphQL and the classroom webhook alike).</summary>
public static class LessonErrorCodes
{
    public const string UnknownLesson = "UNKNOWN_LESSON";
    public const string UnknownSchool = "UNKNOWN_SCHOOL";
    public const string SelfLink = "SELF_LINK";
    public const string EndsBeforeStart = "ENDS_BEFORE_START";
    public const string FutureTime = "FUTURE_TIME";
    public const string InvalidField = "INVALID_FIELD";
}
