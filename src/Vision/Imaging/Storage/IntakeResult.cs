using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// What became of one Part 10 file handed to <see cref="Part10Intake"/>: a DICOM status (0000 stored, or the failure
/// reason STOW-RS reports), the reason in words, and the header when it could be read.
/// </summary>
public sealed record IntakeResult(ushort Status, string? Reason, DicomHeader? Header, ReceivedInstance? Instance)
{
    public const ushort Success = 0x0000;
    public const ushort SopClassNotSupported = 0x0122;
    public const ushort OutOfResources = 0xA700;
    /// <summary>The instance is not of the study the request named (PS3.18 STOW-RS uses 0xA900 for a mismatch).</summary>
    public const ushort StudyMismatch = 0xA900;
    public const ushort CannotUnderstand = 0xC000;
    /// <summary>PS3.18 STOW-RS: referenced transfer syntax not supported.</summary>
    public const ushort TransferSyntaxNotSupported = 0xC122;

    public bool Stored => Status == Success;

    /// <summary>The SOP class to report this result by: the data set's, else the File Meta's of an unreadable file.</summary>
    public string? SopClassUid => Header?.SopClassUid ?? MetaSopClassUid;

    /// <summary>The SOP instance to report this result by: the data set's, else the File Meta's of an unreadable file.</summary>
    public string? SopInstanceUid => Header?.SopInstanceUid ?? MetaSopInstanceUid;

    public string? MetaSopClassUid { get; init; }

    public string? MetaSopInstanceUid { get; init; }

    /// <summary>Storage itself failed (disk, database): the same file may succeed later, so keep it.</summary>
    public bool Transient { get; init; }
}
