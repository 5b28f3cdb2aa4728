using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Dicom.Writing;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Vision.Imaging.Network.Find;

/// <summary>
/// C-FIND SCP, Study Root Query/Retrieve Information Model (PS3.4 C.6.2) at STUDY, SERIES and IMAGE level, over the
/// calling clinic's stored instances only. Matching keys are the UIDs (single value, a backslash list, or empty for
/// any) and Patient ID, the pseudonym as stored (single value or <see cref="DicomWildcard"/> pattern); requested
/// return keys come back with what is stored, zero-length when it is not.
/// </summary>
public sealed class StudyRootFind(IDbContextFactory<TwinDbContext> database)
{
    public const string SopClass = "1.2.840.10008.5.1.4.1.2.2.1";
    public const ushort CFindRequest = 0x0020;
    public const ushort Pending = 0xFF00;
    /// <summary>Error: identifier does not match SOP class.</summary>
    public const ushort IdentifierDoesNotMatch = 0xA900;
    private const int MaxMatches = 1000;

    private const uint QueryRetrieveLevel = 0x0008_0052;
    private const uint StudySeriesCount = 0x0020_1206;
    private const uint StudyInstanceCount = 0x0020_1208;
    private const uint SeriesInstanceCount = 0x0020_1209;
    private const uint PatientId = 0x0010_0020;

    private static readonly HashSet<uint> Keys =
    [
        QueryRetrieveLevel, DicomTags.StudyInstanceUid, DicomTags.SeriesInstanceUid, DicomTags.SopInstanceUid, DicomTags.SopClassUid,
        DicomTags.Modality, 0x0008_0020, 0x0010_0020, StudySeriesCount, StudyInstanceCount, SeriesInstanceCount,
    ];

    /// <summary>The matches as identifiers encoded in <paramref name="syntax"/>, or an error status with its reason.</summary>
    public async Task<(IReadOnlyList<byte[]> Matches, ushort Status, string? Comment)> FindAsync(string clinicId, byte[] identifier, int length,
        TransferSyntax syntax, CancellationToken cancellationToken)
    {
        Dictionary<uint, string> keys;
        try
        {
            keys = DatasetWalker.Walk(identifier, 0, length, syntax.ExplicitVr, syntax.BigEndian, Keys);
        }
        catch (DicomParseException e)
        {
            return ([], IdentifierDoesNotMatch, e.Message);
        }
        var level = keys.GetValueOrDefault(QueryRetrieveLevel)?.Trim();
        if (level is not ("STUDY" or "SERIES" or "IMAGE"))
            return ([], IdentifierDoesNotMatch, $"Query/Retrieve Level (0008,0052) must be STUDY, SERIES or IMAGE, not '{level}'");
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<ImagingInstanceRow>().AsNoTracking().Where(r => r.ClinicId == clinicId);
        foreach (var (tag, value) in keys)
        {
            if (tag == PatientId)
            {
                if (value.Contains('\\')) return ([], IdentifierDoesNotMatch, "Patient ID (0010,0020) must be a single value or a wild card pattern");
                if (DicomWildcard.ToLikePattern(value.Trim()) is { } like) rows = rows.Where(r => EF.Functions.Like(r.PseudonymisedPatientId, like, DicomWildcard.Escape));
                continue;
            }
            if (value.Length == 0 || value.Contains('*') || value.Contains('?')) continue;
            var values = value.Split('\\', StringSplitOptions.TrimEntries).ToList();
            rows = tag switch
            {
                DicomTags.StudyInstanceUid => rows.Where(r => values.Contains(r.StudyInstanceUid)),
                DicomTags.SeriesInstanceUid when level != "STUDY" => rows.Where(r => values.Contains(r.SeriesInstanceUid)),
                DicomTags.SopInstanceUid when level == "IMAGE" => rows.Where(r => values.Contains(r.SopInstanceUid)),
                DicomTags.SopClassUid when level == "IMAGE" => rows.Where(r => values.Contains(r.SopClassUid)),
                _ => rows,
            };
        }
        var found = await rows.OrderBy(r => r.ReceivedAt).Take(MaxMatches * 10).ToListAsync(cancellationToken);
        IEnumerable<DatasetBuilder> answers = level switch
        {
            "STUDY" => found.GroupBy(r => r.StudyInstanceUid).Select(g => Answer(keys, level, g.First())
                .If(keys.ContainsKey(StudySeriesCount), b => b.Text(StudySeriesCount, "IS", g.Select(r => r.SeriesInstanceUid).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .If(keys.ContainsKey(StudyInstanceCount), b => b.Text(StudyInstanceCount, "IS", g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            "SERIES" => found.GroupBy(r => (r.StudyInstanceUid, r.SeriesInstanceUid)).Select(g => Answer(keys, level, g.First())
                .If(keys.ContainsKey(SeriesInstanceCount), b => b.Text(SeriesInstanceCount, "IS", g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            _ => found.Select(r => Answer(keys, level, r)),
        };
        return ([.. answers.Take(MaxMatches).Select(a => a.ToBytes(syntax.ExplicitVr))], DimseStatus.Success, null);
    }

    /// <summary>The unique keys of the level and above, and each requested return key with what is stored.</summary>
    private static DatasetBuilder Answer(Dictionary<uint, string> keys, string level, ImagingInstanceRow row)
    {
        var answer = new DatasetBuilder().Text(QueryRetrieveLevel, "CS", level).Uid(DicomTags.StudyInstanceUid, row.StudyInstanceUid);
        if (level != "STUDY") answer.Uid(DicomTags.SeriesInstanceUid, row.SeriesInstanceUid);
        if (level == "IMAGE") answer.Uid(DicomTags.SopInstanceUid, row.SopInstanceUid);
        if (level == "IMAGE" && keys.ContainsKey(DicomTags.SopClassUid)) answer.Uid(DicomTags.SopClassUid, row.SopClassUid);
        if (keys.ContainsKey(0x0010_0020)) answer.Text(0x0010_0020, "LO", row.PseudonymisedPatientId[..Math.Min(64, row.PseudonymisedPatientId.Length)]);
        // Modality and study date are not stored apart from the file: asked for, they come back empty (unknown).
        if (keys.ContainsKey(DicomTags.Modality) && level != "STUDY") answer.Text(DicomTags.Modality, "CS", "");
        if (keys.ContainsKey(0x0008_0020)) answer.Text(0x0008_0020, "DA", "");
        return answer;
    }
}

internal static class DatasetBuilderExtensions
{
    public static DatasetBuilder If(this DatasetBuilder builder, bool condition, Func<DatasetBuilder, DatasetBuilder> then) =>
        condition ? then(builder) : builder;
}
