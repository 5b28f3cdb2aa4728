using System.Text.Json.Nodes;
using CityTwin.Twin.Clinics.Imaging;

namespace CityTwin.Graph.DicomWeb;

/// <summary>The DICOM JSON model (PS3.18 F.2) for the attributes QIDO-RS and WADO-RS metadata answer with.</summary>
public static class DicomJson
{
    public static void Set(JsonObject dataset, string tag, string vr, params object[] values) =>
        dataset[tag] = new JsonObject { ["vr"] = vr, ["Value"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]) };

    /// <summary>The instance-level attributes a stored row carries, with where to retrieve it.</summary>
    public static JsonObject Instance(ImagingInstanceRow row, string baseUrl)
    {
        var dataset = new JsonObject();
        Set(dataset, "00080016", "UI", row.SopClassUid);
        Set(dataset, "00080018", "UI", row.SopInstanceUid);
        Set(dataset, "00081190", "UR", $"{baseUrl}/studies/{row.StudyInstanceUid}/series/{row.SeriesInstanceUid}/instances/{row.SopInstanceUid}");
        Set(dataset, "0020000D", "UI", row.StudyInstanceUid);
        Set(dataset, "0020000E", "UI", row.SeriesInstanceUid);
        Set(dataset, QidoQuery.PatientIdTag, "LO", row.PseudonymisedPatientId);
        return dataset;
    }

    public static JsonObject Series(IGrouping<(string Study, string Series), ImagingInstanceRow> series, string baseUrl)
    {
        var dataset = new JsonObject();
        Set(dataset, "00081190", "UR", $"{baseUrl}/studies/{series.Key.Study}/series/{series.Key.Series}");
        Set(dataset, "0020000D", "UI", series.Key.Study);
        Set(dataset, "0020000E", "UI", series.Key.Series);
        Set(dataset, "00201209", "IS", series.Count());
        return dataset;
    }

    public static JsonObject Study(IGrouping<string, ImagingInstanceRow> study, string baseUrl)
    {
        var dataset = new JsonObject();
        Set(dataset, "00081190", "UR", $"{baseUrl}/studies/{study.Key}");
        Set(dataset, "0020000D", "UI", study.Key);
        Set(dataset, "00201206", "IS", study.Select(r => r.SeriesInstanceUid).Distinct().Count());
        Set(dataset, "00201208", "IS", study.Count());
        Set(dataset, QidoQuery.PatientIdTag, "LO", study.First().PseudonymisedPatientId);
        return dataset;
    }
}
