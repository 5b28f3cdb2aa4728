namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>What the receivers need from an instance: its identity, its encoding and the patient id to pseudonymise.</summary>
/// <param name="SopClassUid">(0008,0016).</param>
/// <param name="SopInstanceUid">(0008,0018).</param>
/// <param name="StudyInstanceUid">(0020,000D).</param>
/// <param name="SeriesInstanceUid">(0020,000E).</param>
/// <param name="TransferSyntaxUid">The syntax the data set is encoded in.</param>
/// <param name="PatientId">(0010,0020), empty when absent; never stored as is.</param>
/// <param name="Modality">(0008,0060), empty when absent.</param>
/// <param name="HasPixelData">Whether the top level holds Pixel Data (7FE0,0010); an image without it is cut short.</param>
public sealed record DicomHeader(
    string SopClassUid,
    string SopInstanceUid,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string TransferSyntaxUid,
    string PatientId,
    string Modality,
    bool HasPixelData);
