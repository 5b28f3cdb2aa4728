using System.Globalization;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// A QIDO-RS query (PS3.18 10.6) checked against what is searchable here: the UID attributes of the level (by keyword
/// or tag), PatientID (the pseudonym as stored, single-value or with the <c>*</c> and <c>?</c> wildcards of PS3.4
/// C.2.2.2.4), <c>limit</c>, <c>offset</c>, <c>includefield</c> and <c>fuzzymatching</c>. Anything else, or a value
/// that is not a UID or a valid pattern, is refused with the reason, rather than silently ignored and answered with
/// everything. Standard attributes that are not indexed here (dates, modality, accession number) are named as such.
/// </summary>
public sealed record QidoQuery(string? Study, string? Series, string? Instance, string? SopClass, int Offset, int Limit)
{
    /// <summary>PatientID to match: the pseudonym as stored, possibly with <c>*</c> and <c>?</c>; null matches any.</summary>
    public string? PatientId { get; init; }

    public const int MaxLimit = 1000;

    private static readonly Dictionary<string, string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["StudyInstanceUID"] = "0020000D", ["0020000D"] = "0020000D",
        ["SeriesInstanceUID"] = "0020000E", ["0020000E"] = "0020000E",
        ["SOPInstanceUID"] = "00080018", ["00080018"] = "00080018",
        ["SOPClassUID"] = "00080016", ["00080016"] = "00080016",
        ["PatientID"] = PatientIdTag, [PatientIdTag] = PatientIdTag,
    };

    public const string PatientIdTag = "00100020";

    /// <summary>Standard matching keys a viewer may send that nothing here indexes: refused by name, not as unknown.</summary>
    private static readonly HashSet<string> NotIndexed = new(StringComparer.OrdinalIgnoreCase)
    {
        "StudyDate", "00080020", "StudyTime", "00080030", "AccessionNumber", "00080050", "ModalitiesInStudy", "00080061",
        "Modality", "00080060", "PatientName", "00100010", "PatientBirthDate", "00100030", "ReferringPhysicianName", "00080090",
        "StudyID", "00200010", "StudyDescription", "00081030",
    };

    /// <summary>Parses the query string for <paramref name="level"/> (study, series, instance).</summary>
    public static (QidoQuery? Query, string? Problem) Parse(IQueryCollection query, string level)
    {
        var searchable = level switch
        {
            "study" => new HashSet<string> { "0020000D", PatientIdTag },
            "series" => ["0020000D", "0020000E", PatientIdTag],
            _ => ["0020000D", "0020000E", "00080018", "00080016", PatientIdTag],
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
            if (NotIndexed.Contains(key))
                return (null, $"query attribute '{Printable(key)}' is not indexed here (searchable at {level} level: {string.Join(", ", searchable.Select(Keyword))})");
            if (!Attributes.TryGetValue(key, out var tag) || !searchable.Contains(tag))
                return (null, $"unknown or unsupported query attribute '{Printable(key)}' at {level} level (supported: {string.Join(", ", searchable.Select(Keyword))})");
            if (tag == PatientIdTag)
            {
                if (!IsLongString(text)) return (null, $"PatientID '{Printable(text)}' is not a single LO value (at most 64 characters, no backslash or control characters)");
            }
            else if (!IsUid(text)) return (null, $"{Keyword(tag)} '{Printable(text)}' is not a UID (digits and dots, at most 64)");
            values[tag] = text;
        }
        if (offset < 0) return (null, "offset must be a whole number from 0");
        return (new QidoQuery(values.GetValueOrDefault("0020000D"), values.GetValueOrDefault("0020000E"), values.GetValueOrDefault("00080018"),
            values.GetValueOrDefault("00080016"), offset, limit) { PatientId = values.GetValueOrDefault(PatientIdTag) }, null);
    }

    private static bool IsLongString(string value) =>
        value.Length <= 64 && !value.Contains('\\') && !value.Any(char.IsControl);

    public static bool IsUid(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c == '.' || char.IsAsciiDigit(c)) && !value.StartsWith('.') && !value.EndsWith('.');

    private static string Keyword(string tag) => Attributes.First(a => a.Value == tag && !char.IsAsciiDigit(a.Key[0])).Key;

    private static string Printable(string value) => new([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
