namespace CityTwin.Twin.Plates;

/// <summary>
/// Matches plates read by cameras against watched plates, tolerating one OCR confusion but never a
/// different province code: a stolen 59 bike must not raise an alert for a plate from another province.
/// </summary>
public static class PlateMatcher
{
    private const int ProvinceLength = 2;

    /// <summary>The shortest canonical key: province, one series letter and an older 4-digit number.</summary>
    public const int MinKeyLength = 7;

    /// <summary>The longest canonical key accepted, with room beyond the 9 characters the grammar produces.</summary>
    public const int MaxKeyLength = 10;

    /// <summary>
    /// Whether <paramref name="key"/> has the shape of a canonical key: 7–10 uppercase ASCII letters
    /// and digits, the first two digits. The plate grammar is deliberately not checked, because raw
    /// OCR reads that break it (an I where only 1 is legal) are exactly what the matcher must tolerate.
    /// </summary>
    public static bool IsCanonicalKey(string? key) =>
        key is { Length: >= MinKeyLength and <= MaxKeyLength }
        && char.IsAsciiDigit(key[0]) && char.IsAsciiDigit(key[1])
        && key.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    /// <summary>
    /// Compares a key read by a camera with a watched key: equal is <see cref="PlateMatchKind.Exact"/>;
    /// same length, identical province code and exactly one confusable difference is
    /// <see cref="PlateMatchKind.OneConfusion"/>; anything else is <see cref="PlateMatchKind.None"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not canonical (see <see cref="IsCanonicalKey"/>).</exception>
    public static PlateMatch Match(string candidateKey, string watchedKey)
    {
        RequireCanonical(candidateKey, nameof(candidateKey));
        RequireCanonical(watchedKey, nameof(watchedKey));

        if (candidateKey == watchedKey) return PlateMatch.Exact;
        if (candidateKey.Length != watchedKey.Length
            || !candidateKey.AsSpan(0, ProvinceLength).SequenceEqual(watchedKey.AsSpan(0, ProvinceLength)))
            return PlateMatch.None;

        var position = -1;
        for (var i = ProvinceLength; i < candidateKey.Length; i++)
        {
            if (candidateKey[i] == watchedKey[i]) continue;
            if (position >= 0 || !PlateConfusions.AreConfusable(candidateKey[i], watchedKey[i])) return PlateMatch.None;
            position = i;
        }

        return PlateMatch.OneConfusionAt(position);
    }

    /// <summary>
    /// Every key that <see cref="Match"/> finds one confusion away from <paramref name="key"/>, in key
    /// order; the province code is never altered. A new watchlist entry uses them to find vehicles
    /// already seen under a misread plate.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not canonical.</exception>
    public static IReadOnlyList<string> OneConfusionVariants(string key)
    {
        RequireCanonical(key, nameof(key));

        var variants = new List<string>();
        var chars = key.ToCharArray();
        for (var i = ProvinceLength; i < chars.Length; i++)
        {
            var original = chars[i];
            foreach (var alternative in PlateConfusions.AlternativesOf(original))
            {
                chars[i] = alternative;
                variants.Add(new string(chars));
            }

            chars[i] = original;
        }

        return variants;
    }

    private static void RequireCanonical(string key, string parameterName)
    {
        if (!IsCanonicalKey(key))
            throw new ArgumentException(
                $"'{key}' is not a canonical plate key: {MinKeyLength}–{MaxKeyLength} uppercase letters and digits, starting with a two-digit province code.",
                parameterName);
    }
}
