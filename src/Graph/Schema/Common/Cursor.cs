using System.Buffers.Text;
using System.Text.Json;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// Opaque cursors: the list's name and the sort key of the last row, as a JSON array in base64url. The list name
/// stops a cursor of one list from being replayed on another; anything that does not decode is a BAD_CURSOR.
/// Cursors are not secrets: they hold only values the caller was already shown.
/// </summary>
public static class Cursor
{
    public static string Encode(string list, params string[] key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { list }.Concat(key).ToArray()));

    /// <summary>The sort key of <paramref name="cursor"/>, which must come from <paramref name="list"/> with <paramref name="parts"/> values.</summary>
    public static string[] Decode(string cursor, string list, int parts)
    {
        string[]? values = null;
        try
        {
            if (cursor.Length <= 1_000)
                values = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            values = null;
        }
        if (values is null || values.Length != parts + 1 || values[0] != list || values.Any(v => v is null))
            throw TwinErrors.BadCursor(cursor.Length > 40 ? cursor[..40] + "…" : cursor);
        return values[1..];
    }

    /// <summary>A number from a decoded cursor, or BAD_CURSOR.</summary>
    public static long Number(string value, string cursor) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw TwinErrors.BadCursor(cursor);
}
