using System.Globalization;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// A QIDO-RS query (PS3.18 10.6) checked against what is searchable here: the UID attributes of the level (by keyword
/// or tag), <c>limit</c>, <c>offset</c>, <c>includefield</c> and <c>fuzzymatching</c>. Anything else, or a value that
/// is not a UID, is refused with the reason, rather than silently ignored and answered with everything.
/// </summary>
public sealed record QidoQuery(string? Study, string? Series, string? Instance, string? SopClass, int Offset, int Limit)
{
    public const int MaxLimit = 1000;

    private static readonly Dictionary<string, string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["StudyInstanceUID"] = "0020000D", ["0020000D"] = "0020000D",
        ["SeriesInstanceUID"] = "0020000E", ["0020000E"] = "0020000E",
        ["SOPInstanceUID"] = "00080018", ["00080018"] = "00080018",
        ["SOPClassUID"] = "00080016", ["00080016"] = "00080016",
    };

    /// <summary>Parses the query string for <paramref name="level"/> (study, series, instance).</summary>
    public static (QidoQuery? Query, string? Problem) Parse(IQueryCollection query, string level)
    {
        var searchable = level switch
        {
            "study" => new HashSet<string> { "0020000D" },
            "series" => ["0020000D", "0020000E"],
            _ => ["0020000D", "0020000E", "00080018", "00080016"],
        };
        var values = new Dictionary<string, string>();
        int offset = 0, limit = 100;
        foreach (var (key, value) in query)
        {
            var text = value.ToString();
            switch (key.ToLowerInvariant())
            {
                case "clinic" or "fuzzymatching":
                    continue;
                case "limit":
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit)
                        return (null, $"limit must be a whole number from 1 to {MaxLimit}");
                    continue;
                case "offset":
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                        return (null, "offset must be a whole number from 0");
                    continue;
                case "includefield":
                    foreach (var field in text.Split(',', StringSplitOptions.TrimEntries))
                        if (field != "all" && !Attributes.ContainsKey(field)) return (null, $"includefield '{Printable(field)}' is not an attribute served here");
                    continue;
            }
            if (!Attributes.TryGetValue(key, out var tag) || !searchable.Contains(tag))
                return (null, $"unknown or unsupported query attribute '{Printable(key)}' at {level} level (supported: {string.Join(", ", searchable.Select(Keyword))})");
            if (!IsUid(text)) return (null, $"{Keyword(tag)} '{Printable(text)}' is not a UID (digits and dots, at most 64)");
            values[tag] = text;
        }
        return (new QidoQuery(values.GetValueOrDefault("0020000D"), values.GetValueOrDefault("0020000E"), values.GetValueOrDefault("00080018"),
            values.GetValueOrDefault("00080016"), offset, limit), null);
    }

    public static bool IsUid(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c == '.' || char.IsAsciiDigit(c)) && !value.StartsWith('.') && !value.EndsWith('.');

    private static string Keyword(string tag) => Attributes.First(a => a.Value == tag && !char.IsAsciiDigit(a.Key[0])).Key;

    private static string Printable(string value) => new([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
