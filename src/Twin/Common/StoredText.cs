namespace CityTwin.Twin.Common;

/// <summary>
/// Text that PostgreSQL cannot store: a NUL character (refused in <c>text</c> columns) or an unpaired UTF-16
/// surrogate (it has no UTF-8 form, so the driver refuses to send it). Checked at the edge, so one caller's bad
/// string is refused with a reason instead of failing a database write that other callers share.
/// </summary>
public static class StoredText
{
    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can (null text is storable).</summary>
    public static string? Problem(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return $"contains a NUL character at position {i}";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return $"contains an unpaired UTF-16 surrogate (U+{(int)c:X4}) at position {i}";
        }
        return null;
    }

    /// <summary>Whether <paramref name="text"/> can be stored as it is.</summary>
    public static bool IsStorable(string? text) => Problem(text) is null;
}
