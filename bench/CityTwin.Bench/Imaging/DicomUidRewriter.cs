using System.Text;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// Copies of one DICOM file as new studies: the study and SOP instance UIDs are replaced byte for byte by fresh UIDs of
/// the same length (so no element length changes), because the SCP keeps the first copy of an instance and the
/// reader reads a study once.
/// </summary>
public static class DicomUidRewriter
{
    public static byte[] AsNewStudy(byte[] file, string studyUid, string sopUid, int sequence)
    {
        var copy = (byte[])file.Clone();
        Replace(copy, studyUid, Fresh(studyUid.Length, 1, sequence));
        Replace(copy, sopUid, Fresh(sopUid.Length, 2, sequence));
        return copy;
    }

    /// <summary>A 2.25 UID of exactly <paramref name="length"/> characters, unique per run, role and sequence.</summary>
    private static string Fresh(int length, int role, int sequence)
    {
        var run = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var head = $"2.25.9{role}{run}{sequence:D6}";
        return head.Length > length ? throw new ArgumentException("UID too short to rewrite") : head.PadRight(length, '7');
    }

    private static void Replace(byte[] data, string from, string to)
    {
        var needle = Encoding.ASCII.GetBytes(from);
        var replacement = Encoding.ASCII.GetBytes(to);
        var found = 0;
        for (var i = data.AsSpan().IndexOf(needle); i >= 0;)
        {
            replacement.CopyTo(data, i);
            found++;
            var next = data.AsSpan(i + needle.Length).IndexOf(needle);
            i = next < 0 ? -1 : i + needle.Length + next;
        }
        if (found == 0) throw new ArgumentException($"UID {from} is not in the file");
    }
}
