using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Vision.Imaging.Model;

/// <summary>
/// Per-label decision thresholds, calibrated for one model version:
/// <c>{ "modelVersion": "...", "thresholds": { "Pneumonia": 0.6 }, "critical": ["Pneumothorax"] }</c>.
/// </summary>
public sealed record ThresholdsFile
{
    [JsonPropertyName("modelVersion")] public string? ModelVersion { get; init; }

    [JsonPropertyName("thresholds")] public Dictionary<string, float>? Thresholds { get; init; }

    /// <summary>Labels whose finding raises an operator alert.</summary>
    [JsonPropertyName("critical")] public List<string>? Critical { get; init; }

    public static ThresholdsFile Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ThresholdsFile>(stream) ?? throw new ModelContractException($"thresholds file {path} is empty");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ModelContractException($"thresholds file {path} cannot be read: {e.Message}", e);
        }
    }
}
