namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// A DICOM transfer syntax as far as reading a header needs it: how elements are encoded (VR explicit or implicit, byte
/// order), whether the data set is deflated, and whether pixel data is encapsulated (compressed fragments).
/// </summary>
public sealed record TransferSyntax(string Uid, string Name, bool ExplicitVr, bool BigEndian, bool Deflated, bool Encapsulated)
{
    public static readonly TransferSyntax ImplicitVrLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static readonly TransferSyntax ExplicitVrLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static readonly TransferSyntax DeflatedExplicitVrLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static readonly TransferSyntax ExplicitVrBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false);
    public static readonly TransferSyntax RleLossless = Compressed("1.2.840.10008.1.2.5", "RLE Lossless");
    public static readonly TransferSyntax JpegBaseline = Compressed("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    public static readonly TransferSyntax JpegExtended = Compressed("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
    public static readonly TransferSyntax JpegLossless = Compressed("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)");
    public static readonly TransferSyntax JpegLosslessSv1 = Compressed("1.2.840.10008.1.2.4.70", "JPEG Lossless (Process 14, SV1)");
    public static readonly TransferSyntax JpegLsLossless = Compressed("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless");
    public static readonly TransferSyntax JpegLsNearLossless = Compressed("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless");
    public static readonly TransferSyntax Jpeg2000Lossless = Compressed("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)");
    public static readonly TransferSyntax Jpeg2000 = Compressed("1.2.840.10008.1.2.4.91", "JPEG 2000");

    /// <summary>The syntaxes the receivers accept: every one the reader's GDCM can decode.</summary>
    public static IReadOnlyList<TransferSyntax> Supported { get; } =
    [
        ImplicitVrLittleEndian, ExplicitVrLittleEndian, DeflatedExplicitVrLittleEndian, ExplicitVrBigEndian, RleLossless,
        JpegBaseline, JpegExtended, JpegLossless, JpegLosslessSv1, JpegLsLossless, JpegLsNearLossless, Jpeg2000Lossless, Jpeg2000,
    ];

    private static readonly Dictionary<string, TransferSyntax> ByUid = Supported.ToDictionary(s => s.Uid, StringComparer.Ordinal);

    /// <summary>A supported syntax by UID, or null.</summary>
    public static TransferSyntax? Find(string uid) => ByUid.GetValueOrDefault(uid);

    /// <summary>
    /// How to read a header in <paramref name="uid"/>: a supported syntax, or for any other UID explicit VR little endian with
    /// encapsulated pixel data, which is what every other standard syntax uses (the receivers still refuse those).
    /// </summary>
    public static TransferSyntax ForReading(string uid) => Find(uid) ?? new(uid, uid, true, false, false, true);

    private static TransferSyntax Compressed(string uid, string name) => new(uid, name, true, false, false, true);
}
