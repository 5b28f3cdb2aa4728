namespace CityTwin.Twin.Schools;

/// <summary>What a classroom platform reports pupils doing during a remote lesson.</summary>
public enum LessonInteractionKind
{
    Question = 0,
    Answer = 1,
    Poll = 2,
}
