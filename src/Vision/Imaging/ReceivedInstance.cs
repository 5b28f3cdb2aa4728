namespace CityTwin.Vision.Imaging;

/// <summary>
/// A DICOM instance that a receiver (C-STORE SCP, STOW-RS, the inbox folder) has stored and acknowledged: its file is
/// content-addressed on disk and its row is committed. Patient identity is already pseudonymised.
/// </summary>
/// <param name="ClinicId">The twin clinic whose AE title or key sent it.</param>
/// <param name="StudyInstanceUid">(0020,000D).</param>
/// <param name="SeriesInstanceUid">(0020,000E).</param>
/// <param name="SopInstanceUid">(0008,0018); unique per instance.</param>
/// <param name="SopClassUid">(0008,0016), e.g. DX or CR image storage.</param>
/// <param name="TransferSyntaxUid">The syntax the file is stored in.</param>
/// <param name="PseudonymisedPatientId">A keyed hash of (0010,0020), stable per clinic; the real id never leaves the clinic.</param>
/// <param name="FilePath">Absolute path of the stored Part 10 file.</param>
/// <param name="ReceivedAt">When its last byte arrived: turnaround is measured from here.</param>
public sealed record ReceivedInstance(
    string ClinicId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string PseudonymisedPatientId,
    string FilePath,
    DateTimeOffset ReceivedAt);
