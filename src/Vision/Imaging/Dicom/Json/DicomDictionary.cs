using System.Globalization;

namespace CityTwin.Vision.Imaging.Dicom.Json;

/// <summary>
/// The VR of each standard tag, for data sets in implicit VR (which do not carry it). Read once from the data dictionary
/// Debian's dcmtk installs (<c>/usr/share/libdcmtk*/dicom.dic</c>, or <c>$DCMDICTPATH</c>); the identity attributes the
/// receivers need are known without it. A tag the dictionary does not know is UN, as PS3.5 6.2.2 says for unknown VRs.
/// </summary>
public static class DicomDictionary
{
    private static readonly Lazy<IReadOnlyDictionary<uint, string>> Vrs = new(Load);

    /// <summary>Tags known even without dcmtk's dictionary: the identity attributes and the image pixel module.</summary>
    private static readonly Dictionary<uint, string> BuiltIn = new()
    {
        [0x0008_0005] = "CS", [0x0008_0016] = "UI", [0x0008_0018] = "UI", [0x0008_0020] = "DA", [0x0008_0030] = "TM",
        [0x0008_0050] = "SH", [0x0008_0060] = "CS", [0x0008_1030] = "LO", [0x0010_0010] = "PN", [0x0010_0020] = "LO",
        [0x0010_0030] = "DA", [0x0010_0040] = "CS", [0x0010_1010] = "AS", [0x0020_000D] = "UI", [0x0020_000E] = "UI",
        [0x0020_0010] = "SH", [0x0020_0011] = "IS", [0x0020_0013] = "IS", [0x0028_0002] = "US", [0x0028_0004] = "CS",
        [0x0028_0008] = "IS", [0x0028_0010] = "US", [0x0028_0011] = "US", [0x0028_0100] = "US", [0x0028_0101] = "US",
        [0x0028_0102] = "US", [0x0028_0103] = "US", [0x0028_1050] = "DS", [0x0028_1051] = "DS", [0x7FE0_0010] = "OW",
    };

    /// <summary>dcmtk writes ambiguous VRs in lower case; these are how they read in the commonest encoding.</summary>
    private static readonly Dictionary<string, string> Ambiguous = new(StringComparer.Ordinal)
    {
        ["xs"] = "US", ["ox"] = "OW", ["px"] = "OW", ["lt"] = "OW", ["up"] = "UL",
    };

    /// <summary>The VR of <paramref name="tag"/> in implicit VR.</summary>
    public static string VrOf(uint tag)
    {
        if ((tag & 0xFFFF) == 0) return "UL"; // group length
        var group = tag >> 16;
        if ((group & 1) == 1) return (tag & 0xFFFF) is >= 0x10 and <= 0xFF ? "LO" : "UN"; // private creator, else private
        return Vrs.Value.TryGetValue(tag, out var vr) ? vr : BuiltIn.GetValueOrDefault(tag, "UN");
    }

    private static IReadOnlyDictionary<uint, string> Load()
    {
        var vrs = new Dictionary<uint, string>(BuiltIn);
        if (FindFile() is not { } path) return vrs;
        foreach (var line in File.ReadLines(path))
        {
            // "(0008,0016)<TAB>UI<TAB>SOPClassUID<TAB>1<TAB>DICOM"; ranges such as (60xx,3000) are not single tags.
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Length != 11 || fields[0][0] != '(') continue;
            if (!uint.TryParse(fields[0].AsSpan(1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var group)
                || !uint.TryParse(fields[0].AsSpan(6, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var element)) continue;
            var vr = Ambiguous.GetValueOrDefault(fields[1], fields[1]);
            if (vr.Length == 2 && char.IsAsciiLetterUpper(vr[0]) && char.IsAsciiLetterUpper(vr[1])) vrs[group << 16 | element] = vr;
        }
        return vrs;
    }

    private static string? FindFile()
    {
        foreach (var entry in (Environment.GetEnvironmentVariable("DCMDICTPATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (entry.EndsWith("dicom.dic", StringComparison.Ordinal) && File.Exists(entry)) return entry;
        if (!Directory.Exists("/usr/share")) return null;
        return Directory.EnumerateDirectories("/usr/share", "libdcmtk*").Select(d => Path.Combine(d, "dicom.dic")).Where(File.Exists).Order().LastOrDefault();
    }
}
