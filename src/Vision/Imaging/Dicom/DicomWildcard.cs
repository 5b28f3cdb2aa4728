using System.Text;

namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Wild card matching of string attributes (PS3.4 C.2.2.2.4) as a SQL LIKE pattern, the one rule C-FIND and QIDO-RS
/// share: <c>*</c> is any run of characters, <c>?</c> any one, everything else literal (LIKE's own <c>%</c>, <c>_</c>
/// and the escape <c>\</c> are escaped). An empty value or a lone <c>*</c> is universal matching (C.2.2.2.3): null.
/// </summary>
public static class DicomWildcard
{
    /// <summary>The escape character of the patterns made here.</summary>
    public const string Escape = "\\";

    public static string? ToLikePattern(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "*") return null;
        var pattern = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c == '*') pattern.Append('%');
            else if (c == '?') pattern.Append('_');
            else if (c is '%' or '_' or '\\') pattern.Append('\\').Append(c);
            else pattern.Append(c);
        }
        return pattern.ToString();
    }
}
