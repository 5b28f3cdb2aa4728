namespace CityTwin.Twin.Plates;

/// <summary>
/// Plate text reduced to its characters, remembering where separators stood: the separators are
/// what tells <c>59-X1 1234</c> (a motorbike) from <c>59X-112.34</c> (a car).
/// </summary>
internal sealed class PlateText
{
    /// <summary>The longest text accepted once surrounding whitespace is trimmed; <c>59-X1 123.45</c> has 12.</summary>
    public const int MaxLength = 16;

    private readonly uint _splits;

    private PlateText(string key, uint splits, bool hasLineBreak)
    {
        Key = key;
        _splits = splits;
        HasLineBreak = hasLineBreak;
    }

    /// <summary>The characters, uppercase, without separators.</summary>
    public string Key { get; }

    /// <summary>Whether the text came on two lines, as OCR of a motorbike plate does.</summary>
    public bool HasLineBreak { get; }

    /// <summary>Whether a separator stood right before <see cref="Key"/>[<paramref name="index"/>].</summary>
    public bool IsSplitBefore(int index) => index is >= 0 and <= MaxLength && (_splits & (1u << index)) != 0;

    /// <summary>Reduces <paramref name="text"/>, or returns null and the reason it is refused.</summary>
    public static PlateText? Read(string? text, out string? error)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return Fail("Plate text is empty.", out error);
        if (trimmed.Length > MaxLength)
            return Fail($"Plate text is too long: {trimmed.Length} characters, at most {MaxLength}.", out error);

        var key = new System.Text.StringBuilder(trimmed.Length);
        uint splits = 0;
        var hasLineBreak = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
            else if (c is '-' or '.' or ' ' or '\t' or '\r' or '\n')
            {
                splits |= 1u << key.Length;
                hasLineBreak |= c is '\r' or '\n';
            }
            else
            {
                return Fail($"Plate text has an illegal character '{c}' (U+{(int)c:X4}) at position {i + 1}; "
                    + "only ASCII letters, digits, '-', '.', spaces and line breaks are allowed.", out error);
            }
        }

        if (key.Length == 0) return Fail("Plate text is empty: it has separators but no letters or digits.", out error);
        error = null;
        return new PlateText(key.ToString(), splits, hasLineBreak);
    }

    private static PlateText? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
