namespace CityTwin.Twin.Plates;

/// <summary>The outcome of <see cref="PlateMatcher.Match"/>: its kind, and for a confusion, where it is.</summary>
public readonly record struct PlateMatch
{
    private PlateMatch(PlateMatchKind kind, int? position)
    {
        Kind = kind;
        Position = position;
    }

    /// <summary>No match.</summary>
    public static PlateMatch None => default;

    /// <summary>Equal keys.</summary>
    public static PlateMatch Exact => new(PlateMatchKind.Exact, null);

    /// <summary>How close the keys are.</summary>
    public PlateMatchKind Kind { get; }

    /// <summary>For <see cref="PlateMatchKind.OneConfusion"/>, the index in the key of the confused character; otherwise null.</summary>
    public int? Position { get; }

    /// <summary>Whether the keys match at all, exactly or with one confusion.</summary>
    public bool IsMatch => Kind != PlateMatchKind.None;

    /// <summary>A match with one confusion at <paramref name="position"/>.</summary>
    public static PlateMatch OneConfusionAt(int position) => new(PlateMatchKind.OneConfusion, position);
}
