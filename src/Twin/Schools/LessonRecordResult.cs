namespace CityTwin.Twin.Schools;

/// <summary>What a batch of attendance and interactions did: how many were new, how many already known, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LessonRecordResult")]
public sealed record LessonRecordResult(
    [property: Id(0)] int Recorded,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<LessonError> Errors)
{
    public bool Accepted => Errors.Count == 0;
}
