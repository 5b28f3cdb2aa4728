namespace CityTwin.Vision.Plates.Reading;

/// <summary>
/// What a reader made of one plate crop: the characters left to right (a two-line plate top line first, a space
/// between the lines where the reader knows them), one confidence per character, and their mean.
/// </summary>
/// <param name="Text">The characters read, possibly empty.</param>
/// <param name="CharacterConfidences">One 0..1 confidence per non-space character of <paramref name="Text"/>.</param>
public sealed record PlateOcrResult(string Text, IReadOnlyList<float> CharacterConfidences)
{
    /// <summary>An empty read: nothing legible.</summary>
    public static PlateOcrResult Empty { get; } = new("", []);

    /// <summary>The mean character confidence; 0 for an empty read.</summary>
    public float Confidence => CharacterConfidences.Count == 0 ? 0 : CharacterConfidences.Average();

    /// <summary>The characters without separators.</summary>
    public string Characters => string.Concat(Text.Where(char.IsAsciiLetterOrDigit));
}
