using System.Text.Json;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// The Store Instances Response Module (PS3.18 10.5.3) as <c>application/dicom+json</c>: the study's Retrieve URL,
/// the Referenced SOP Sequence of stored instances and the Failed SOP Sequence with a Failure Reason for each refusal.
/// </summary>
internal sealed class StoreInstancesResponse
{
    private readonly List<(string? SopClass, string? SopInstance, string RetrieveUrl)> referenced = [];
    private readonly List<(string? SopClass, string? SopInstance, ushort Reason)> failed = [];

    public int StoredCount => referenced.Count;

    public int FailedCount => failed.Count;

    public string? StudyRetrieveUrl { get; set; }

    public void Stored(string sopClass, string sopInstance, string retrieveUrl) => referenced.Add((sopClass, sopInstance, retrieveUrl));

    public void Failed(string? sopClass, string? sopInstance, ushort reason) => failed.Add((sopClass, sopInstance, reason));

    public byte[] ToJson()
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (StudyRetrieveUrl is not null) Attribute(json, "00081190", "UR", () => json.WriteStringValue(StudyRetrieveUrl));
            if (failed.Count > 0)
                Sequence(json, "00081198", failed, item =>
                {
                    Uids(json, item.SopClass, item.SopInstance);
                    Attribute(json, "00081197", "US", () => json.WriteNumberValue(item.Reason));
                });
            if (referenced.Count > 0)
                Sequence(json, "00081199", referenced, item =>
                {
                    Uids(json, item.SopClass, item.SopInstance);
                    Attribute(json, "00081190", "UR", () => json.WriteStringValue(item.RetrieveUrl));
                });
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Uids(Utf8JsonWriter json, string? sopClass, string? sopInstance)
    {
        if (sopClass is not null) Attribute(json, "00081150", "UI", () => json.WriteStringValue(sopClass));
        if (sopInstance is not null) Attribute(json, "00081155", "UI", () => json.WriteStringValue(sopInstance));
    }

    private static void Sequence<T>(Utf8JsonWriter json, string tag, List<T> items, Action<T> writeItem)
    {
        json.WriteStartObject(tag);
        json.WriteString("vr", "SQ");
        json.WriteStartArray("Value");
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeItem(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Attribute(Utf8JsonWriter json, string tag, string vr, Action writeValue)
    {
        json.WriteStartObject(tag);
        json.WriteString("vr", vr);
        json.WriteStartArray("Value");
        writeValue();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
