namespace CityTwin.Vision.Imaging.Dicom.Writing;

/// <summary>
/// What an AI structured report says about one read image: the image, the findings and scores, the model that produced
/// them, and whether its results may be used clinically. <see cref="SourceAttributes"/> holds the patient and study
/// attributes of the image (by tag) so the report files under the same patient and study in a PACS.
/// </summary>
public sealed record AiReport(
    string StudyInstanceUid,
    string SourceSeriesInstanceUid,
    string SourceSopInstanceUid,
    string SourceSopClassUid,
    IReadOnlyList<(string Label, float Score)> Findings,
    IReadOnlyList<string> CriticalFindings,
    bool Abnormal,
    string ModelName,
    string ModelVersion,
    bool Clinical,
    DateTimeOffset AnalysedAt,
    IReadOnlyDictionary<uint, string> SourceAttributes);
