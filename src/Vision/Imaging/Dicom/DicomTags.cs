namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>The (group, element) tags the receivers read, as <c>group &lt;&lt; 16 | element</c>.</summary>
public static class DicomTags
{
    public const uint TransferSyntaxUid = 0x0002_0010;
    public const uint MediaStorageSopClassUid = 0x0002_0002;
    public const uint MediaStorageSopInstanceUid = 0x0002_0003;
    public const uint SopClassUid = 0x0008_0016;
    public const uint SopInstanceUid = 0x0008_0018;
    public const uint Modality = 0x0008_0060;
    public const uint PatientId = 0x0010_0020;
    public const uint StudyInstanceUid = 0x0020_000D;
    public const uint SeriesInstanceUid = 0x0020_000E;
    public const uint PixelData = 0x7FE0_0010;
    public const uint Item = 0xFFFE_E000;
    public const uint ItemDelimitation = 0xFFFE_E00D;
    public const uint SequenceDelimitation = 0xFFFE_E0DD;

    /// <summary>"(gggg,eeee)", the way DICOM tools print a tag.</summary>
    public static string Format(uint tag) => $"({tag >> 16:X4},{tag & 0xFFFF:X4})";
}
