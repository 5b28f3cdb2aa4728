using System.Text.Json;

namespace CityTwin.Twin.Cameras;

/// <summary>The JSON form of a camera's pose and exclusion masks in <c>cameras</c>, read and written in one place.</summary>
public static class PoseJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PtzPose? ReadPose(string? json) => json is null ? null : JsonSerializer.Deserialize<PtzPose>(json, Json);

    public static string? WritePose(PtzPose? pose) => pose is null ? null : JsonSerializer.Serialize(pose, Json);

    public static List<List<ImagePoint>> ReadMasks(string json) => JsonSerializer.Deserialize<List<List<ImagePoint>>>(json, Json) ?? [];

    public static string WriteMasks(IReadOnlyList<IReadOnlyList<ImagePoint>> masks) => JsonSerializer.Serialize(masks, Json);
}
