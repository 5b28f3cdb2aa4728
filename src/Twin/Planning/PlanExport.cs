using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Twin.Planning;

/// <summary>A plan's sites as GeoJSON (points and their view areas) or CSV, for the HTTP export and the CLI.</summary>
public static class PlanExport
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A FeatureCollection: one Point feature per site and one Polygon feature per view area, with rank and gain.</summary>
    public static string ToGeoJson(CameraPlan plan)
    {
        var features = new JsonArray();
        foreach (var site in plan.Sites)
        {
            features.Add(Feature(JsonSerializer.SerializeToNode(new NetTopologySuite.Geometries.Point(site.Longitude, site.Latitude) { SRID = 4326 }, GeoJson), site, "site"));
            features.Add(Feature(JsonSerializer.SerializeToNode(site.ViewArea(), GeoJson), site, "viewArea"));
        }
        return new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["planId"] = plan.Id,
            ["summary"] = plan.Summary(),
            ["features"] = features,
        }.ToJsonString();
    }

    /// <summary>One line per site: rank, position, heading, field of view, range, ward, gain.</summary>
    public static string ToCsv(CameraPlan plan)
    {
        var csv = new StringBuilder("rank,longitude,latitude,heading_deg,fov_deg,range_m,ward_code,gain_m,gain_weighted\n");
        foreach (var s in plan.Sites)
            csv.Append(CultureInfo.InvariantCulture, $"{s.Rank},{s.Longitude:F7},{s.Latitude:F7},{s.HeadingDeg:F1},{s.FieldOfViewDeg:F0},{s.RangeM:F0},{s.WardCode},{s.GainM:F1},{s.GainWeighted:F1}\n");
        return csv.ToString();
    }

    private static JsonObject Feature(JsonNode? geometry, PlannedSite site, string role) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = geometry,
        ["properties"] = new JsonObject
        {
            ["role"] = role,
            ["rank"] = site.Rank,
            ["headingDeg"] = site.HeadingDeg,
            ["fieldOfViewDeg"] = site.FieldOfViewDeg,
            ["rangeM"] = site.RangeM,
            ["wardCode"] = site.WardCode,
            ["gainM"] = Math.Round(site.GainM, 1),
        },
    };
}
