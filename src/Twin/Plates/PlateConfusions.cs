namespace CityTwin.Twin.Plates;

/// <summary>
/// The character pairs plate OCR mixes up (DESIGN.md): 0/D, 8/B, 1/I, 5/S and 2/Z. Characters are
/// those of canonical keys, so uppercase; a pair is confusable in both directions.
/// </summary>
public static class PlateConfusions
{
    private static readonly IReadOnlyList<char> NoAlternatives = Array.AsReadOnly(Array.Empty<char>());

    private static readonly Dictionary<char, IReadOnlyList<char>> Alternatives = BuildAlternatives(
        [('0', 'D'), ('8', 'B'), ('1', 'I'), ('5', 'S'), ('2', 'Z')]);

    /// <summary>Whether OCR may read <paramref name="a"/> as <paramref name="b"/>; a character is not a confusion of itself.</summary>
    public static bool AreConfusable(char a, char b) => AlternativesOf(a).Contains(b);

    /// <summary>The characters OCR may read instead of <paramref name="c"/>; empty when it has none.</summary>
    public static IReadOnlyList<char> AlternativesOf(char c) =>
        Alternatives.TryGetValue(c, out var alternatives) ? alternatives : NoAlternatives;

    private static Dictionary<char, IReadOnlyList<char>> BuildAlternatives((char, char)[] pairs)
    {
        var lists = new Dictionary<char, List<char>>();
        foreach (var (a, b) in pairs)
        {
            Add(a, b);
            Add(b, a);
        }

        return lists.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<char>)entry.Value.AsReadOnly());

        void Add(char from, char to)
        {
            if (!lists.TryGetValue(from, out var list)) lists[from] = list = [];
            list.Add(to);
        }
    }
}
