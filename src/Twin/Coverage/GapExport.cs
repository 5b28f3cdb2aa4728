using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CityTwin.Twin.Coverage;

/// <summary>Ranked coverage gaps as GeoJSON (LineStrings) or CSV, for the HTTP export and the CLI.</summary>
public static class GapExport
{
    /// <summary>A FeatureCollection of the stretches in rank order, with rank, road, class, ward, length, sightings and score.</summary>
    public static string ToGeoJson(IReadOnlyList<CoverageGap> gaps)
    {
        var features = new JsonArray();
        foreach (var (gap, rank) in gaps.Select((g, i) => (g, i + 1)))
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = JsonNode.Parse(gap.GeoJson),
                ["properties"] = new JsonObject
                {
                    ["rank"] = rank,
                    ["roadId"] = gap.RoadId,
                    ["roadName"] = gap.RoadName,
                    ["class"] = gap.Class.ToString().ToLowerInvariant(),
                    ["gateway"] = gap.Gateway,
                    ["wardCode"] = gap.WardCode,
                    ["approximateWard"] = gap.ApproximateWard,
                    ["lengthM"] = Math.Round(gap.LengthM, 1),
                    ["sightings"] = gap.Sightings,
                    ["score"] = Math.Round(gap.Score, 1),
                },
            });
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    /// <summary>One line per stretch, without geometry.</summary>
    public static string ToCsv(IReadOnlyList<CoverageGap> gaps)
    {
        var csv = new StringBuilder("rank,road_id,road_name,class,gateway,ward_code,approximate_ward,length_m,sightings,score\n");
        foreach (var (g, rank) in gaps.Select((g, i) => (g, i + 1)))
            csv.Append(CultureInfo.InvariantCulture,
                $"{rank},{g.RoadId},{Quote(g.RoadName)},{g.Class.ToString().ToLowerInvariant()},{g.Gateway},{g.WardCode},{g.ApproximateWard},{g.LengthM:F1},{g.Sightings},{g.Score:F1}\n");
        return csv.ToString();
    }

    private static string Quote(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"") + "\"";
}
