using System.Globalization;
using System.Text.Json.Nodes;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Importers.RealLayers;

/// <summary>
/// Turns the city camera portal's records into the camera layer's fields. The portal gives position and PTZ only, so
/// the view is an assumption, stated in the README: a PTZ camera sees a 200 m disc; a fixed camera with a 2017 direction
/// a 90° sector of 120 m along it; a fixed camera without one a 50 m disc, the junction it is named after.
/// </summary>
internal static class PortalCameras
{
    /// <summary>Range of a portal PTZ camera, as a planned 360° camera's.</summary>
    public const double PtzRangeM = 200;
    /// <summary>Range and field of view of a fixed camera whose direction is known.</summary>
    public const double SectorRangeM = 120, SectorFieldOfViewDeg = 90;
    /// <summary>Range of a fixed camera whose direction is unknown.</summary>
    public const double JunctionRangeM = 50;

    /// <summary>A GeoJSON FeatureCollection in the camera layer's fields, ids <c>portal:&lt;portal_cam_id&gt;</c>.</summary>
    public static async Task<string> ToCameraLayerAsync(string camerasFile, string? directionsFile, IWardLocator wards, CancellationToken cancellationToken)
    {
        var directions = directionsFile is not null && File.Exists(directionsFile) ? Directions(await File.ReadAllTextAsync(directionsFile, cancellationToken)) : [];
        var source = JsonNode.Parse(await File.ReadAllTextAsync(camerasFile, cancellationToken))!["features"]!.AsArray();
        var features = new JsonArray();
        foreach (var feature in source)
        {
            var properties = feature!["properties"]!;
            var id = (string)properties["portal_cam_id"]!;
            var coordinates = feature["geometry"]!["coordinates"]!.AsArray();
            var point = new GeoPoint((double)coordinates[0]!, (double)coordinates[1]!);
            // The file's ward code is the pre-2021 one for a few cameras (Binh Khanh); the boundary says which of the 34 it is now.
            var ward = await wards.LocateAsync(point, cancellationToken: cancellationToken) ?? (string?)properties["ward_gso"];
            var ptz = string.Equals((string?)properties["ptz"], "true", StringComparison.OrdinalIgnoreCase);
            var (kind, heading, fov, range) = ptz ? ("Ptz360", 0d, 360d, PtzRangeM)
                : directions.TryGetValue(id, out var angle) ? ("AnprFixed", angle, SectorFieldOfViewDeg, SectorRangeM)
                : ("Overview", 0d, 360d, JunctionRangeM);
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(point.Longitude, point.Latitude) },
                ["properties"] = new JsonObject
                {
                    ["id"] = $"portal:{id}",
                    ["name"] = $"{(string?)properties["code"]} {(string?)properties["name"]}".Trim(),
                    ["ward_code"] = ward,
                    ["kind"] = kind,
                    ["mount_height_m"] = 8,
                    ["heading_deg"] = heading,
                    ["fov_deg"] = fov,
                    ["range_m"] = range,
                    ["road"] = (string?)properties["streets"],
                },
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    private static Dictionary<string, double> Directions(string json)
    {
        var directions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var feature in JsonNode.Parse(json)!["features"]!.AsArray())
        {
            var properties = feature!["properties"]!;
            if (properties["angle_deg"] is JsonValue angle && properties["portal_cam_id"] is JsonValue id)
                directions[(string)id!] = ((double.Parse(angle.ToString(), CultureInfo.InvariantCulture) % 360) + 360) % 360;
        }
        return directions;
    }
}
