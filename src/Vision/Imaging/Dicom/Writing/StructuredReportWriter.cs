using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace CityTwin.Vision.Imaging.Dicom.Writing;

/// <summary>
/// Writes an AI reading as a DICOM Comprehensive SR in the shape of TID 1500 (Measurement Report): observer context
/// naming the algorithm and its version, the image read, one NUM item per finding with its score, the impression,
/// critical findings, and whether the model is for clinical use. The SR's UIDs derive from the study and the model
/// version, so sending it again after a crash is the same instance, never a duplicate.
/// </summary>
public static class StructuredReportWriter
{
    public const string ComprehensiveSr = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string LocalScheme = "99CITYTWIN";
    public const string NotForClinicalUse = "Not for clinical use: demo model, not a diagnosis";

    /// <summary>Patient and study attributes copied from the image into its report.</summary>
    public static IReadOnlySet<uint> CopiedAttributes { get; } = new HashSet<uint>
    {
        0x0008_0020, 0x0008_0030, 0x0008_0050, 0x0008_0090, 0x0010_0010, 0x0010_0020, 0x0010_0030, 0x0010_0040, 0x0020_0010,
    };

    /// <summary>The report's SOP instance UID for a study read by a model version.</summary>
    public static string SopInstanceUid(string studyInstanceUid, string modelVersion) => DerivedUid($"sr:{studyInstanceUid}:{modelVersion}");

    public static byte[] Write(AiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var at = report.AnalysedAt.ToUniversalTime();
        var date = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = at.ToString("HHmmss", CultureInfo.InvariantCulture);
        string Source(uint tag) => report.SourceAttributes.GetValueOrDefault(tag) ?? "";
        var data = new DatasetBuilder()
            .Text(0x0008_0005, "CS", "ISO_IR 192")
            .Uid(0x0008_0016, ComprehensiveSr)
            .Uid(0x0008_0018, SopInstanceUid(report.StudyInstanceUid, report.ModelVersion))
            .Text(0x0008_0020, "DA", Source(0x0008_0020) is { Length: > 0 } studyDate ? studyDate : date)
            .Text(0x0008_0023, "DA", date)
            .Text(0x0008_0030, "TM", Source(0x0008_0030) is { Length: > 0 } studyTime ? studyTime : time)
            .Text(0x0008_0033, "TM", time)
            .Text(0x0008_0050, "SH", Source(0x0008_0050))
            .Text(0x0008_0060, "CS", "SR")
            .Text(0x0008_0070, "LO", "CityTwin")
            .Text(0x0008_0090, "PN", Source(0x0008_0090))
            .Text(0x0008_1090, "LO", Limit(report.ModelName, 64))
            .Sequence(0x0008_1111)
            .Text(0x0010_0010, "PN", Source(0x0010_0010))
            .Text(0x0010_0020, "LO", Source(0x0010_0020))
            .Text(0x0010_0030, "DA", Source(0x0010_0030))
            .Text(0x0010_0040, "CS", Source(0x0010_0040))
            .Text(0x0018_1020, "LO", Limit(report.ModelVersion, 64))
            .Uid(0x0020_000D, report.StudyInstanceUid)
            .Uid(0x0020_000E, DerivedUid($"sr-series:{report.StudyInstanceUid}:{report.ModelVersion}"))
            .Text(0x0020_0010, "SH", Source(0x0020_0010))
            .Text(0x0020_0011, "IS", "9001")
            .Text(0x0020_0013, "IS", "1")
            .Text(0x0040_A040, "CS", "CONTAINER")
            .Sequence(0x0040_A043, Code("126000", "DCM", "Imaging Measurement Report"))
            .Text(0x0040_A050, "CS", "SEPARATE")
            .Sequence(0x0040_A372)
            .Sequence(0x0040_A375, Evidence(report))
            .Text(0x0040_A491, "CS", "COMPLETE")
            .Text(0x0040_A493, "CS", "UNVERIFIED")
            .Sequence(0x0040_A504, new DatasetBuilder().Text(0x0008_0105, "CS", "DCMR").Text(0x0040_DB00, "CS", "1500"))
            .Sequence(0x0040_A730, Content(report));
        return data.ToBytes();
    }

    private static IEnumerable<DatasetBuilder> Content(AiReport report)
    {
        yield return TextItem("HAS OBS CONTEXT", Code("111001", "DCM", "Algorithm Name"), report.ModelName);
        yield return TextItem("HAS OBS CONTEXT", Code("111003", "DCM", "Algorithm Version"), report.ModelVersion);
        yield return TextItem("CONTAINS", Code("CLINUSE", LocalScheme, "Clinical use"),
            report.Clinical ? "For clinical decision support" : NotForClinicalUse);
        yield return Item("CONTAINS", "CONTAINER", Code("111028", "DCM", "Image Library"))
            .Text(0x0040_A050, "CS", "SEPARATE")
            .Sequence(0x0040_A730, Item("CONTAINS", "IMAGE", null)
                .Sequence(0x0008_1199, new DatasetBuilder().Uid(0x0008_1150, report.SourceSopClassUid).Uid(0x0008_1155, report.SourceSopInstanceUid)));
        yield return Item("CONTAINS", "CONTAINER", Code("121070", "DCM", "Findings"))
            .Text(0x0040_A050, "CS", "SEPARATE")
            .Sequence(0x0040_A730, report.Findings.Select(f => Item("CONTAINS", "NUM", Code(LabelCode(f.Label), LocalScheme, Limit(f.Label, 64)))
                .Sequence(0x0040_A300, new DatasetBuilder()
                    .Sequence(0x0040_08EA, Code("1", "UCUM", "no units"))
                    .Decimal(0x0040_A30A, Math.Round(f.Score, 4)))));
        yield return TextItem("CONTAINS", Code("121073", "DCM", "Impression"),
            report.Abnormal ? $"Abnormal: {string.Join(", ", report.Findings.Select(f => f.Label))}" : "No finding over its threshold");
        foreach (var critical in report.CriticalFindings)
            yield return TextItem("CONTAINS", Code("CRITICAL", LocalScheme, "Critical finding"), critical);
    }

    private static DatasetBuilder Evidence(AiReport report) => new DatasetBuilder()
        .Sequence(0x0008_1115, new DatasetBuilder()
            .Sequence(0x0008_1199, new DatasetBuilder().Uid(0x0008_1150, report.SourceSopClassUid).Uid(0x0008_1155, report.SourceSopInstanceUid))
            .Uid(0x0020_000E, report.SourceSeriesInstanceUid))
        .Uid(0x0020_000D, report.StudyInstanceUid);

    private static DatasetBuilder Item(string relationship, string valueType, DatasetBuilder? concept)
    {
        var item = new DatasetBuilder().Text(0x0040_A010, "CS", relationship).Text(0x0040_A040, "CS", valueType);
        return concept is null ? item : item.Sequence(0x0040_A043, concept);
    }

    private static DatasetBuilder TextItem(string relationship, DatasetBuilder concept, string text) =>
        Item(relationship, "TEXT", concept).Text(0x0040_A160, "UT", text);

    private static DatasetBuilder Code(string value, string scheme, string meaning) => new DatasetBuilder()
        .Text(0x0008_0100, "SH", value).Text(0x0008_0102, "SH", scheme).Text(0x0008_0104, "LO", meaning);

    /// <summary>Local code values are at most 16 characters (SH): a stable hash of the label.</summary>
    private static string LabelCode(string label) =>
        "F" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(label)))[..12];

    private static string Limit(string value, int length) => value.Length > length ? value[..length] : value;

    /// <summary>A 2.25 UID (PS3.5 B.2) from 128 bits of a hash: the same input always gives the same UID.</summary>
    private static string DerivedUid(string seed)
    {
        var bits = SHA256.HashData(Encoding.UTF8.GetBytes("citytwin:" + seed))[..16];
        return "2.25." + new BigInteger(bits, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
