namespace CityTwin.Twin.Importers.RealLayers;

/// <summary>Where the real Thu Duc layers lie under the shared data root (see its <c>data/geo/SOURCES.md</c>).</summary>
public static class RealLayerFiles
{
    /// <summary>The Thu Duc City outline (211.6 km²): gateways are the roads that cross it.</summary>
    public const string CityOutline = "data/geo/dvhcvn_gso_gis_2021/thu_duc_city_boundary_union.geojson";

    /// <summary>The 34 ward polygons with 2019 census population (<c>Com_ID</c>, <c>Com_Name</c>, <c>Pop_2019</c>).</summary>
    public const string Wards = "data/geo/thuduc_wards_census_2019/thuduc_wards34_wgs84.geojson";

    /// <summary>The 2,264 road segments of the Saigon peninsula in UTM 48N, each with <c>Type</c> and <c>RoadWidth</c>.</summary>
    public const string Roads = "data/geo/csl_hcmc_saigon_peninsula/RoadNetwork_utm48n.geojson";

    /// <summary>The 119 portal cameras inside Thu Duc in 2025 (position, PTZ or not).</summary>
    public const string PortalCameras = "data/geo/hcmc_traffic_cameras/thuduc_cameras_2025.geojson";

    /// <summary>The 2017 portal cameras, 45 of them with a viewing direction (<c>angle_deg</c>).</summary>
    public const string PortalDirections = "data/geo/hcmc_traffic_cameras/thuduc_cameras_2017.geojson";

    /// <summary>The shared data root: <c>CITYTWIN_SHARED</c>, else <c>../shared</c> beside the working directory; null when absent.</summary>
    public static string? Root(string? configured)
    {
        var candidate = configured is { Length: > 0 } ? configured : Path.Combine(Directory.GetCurrentDirectory(), "..", "shared");
        return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    /// <summary>Whether every file the loader needs is under <paramref name="root"/>.</summary>
    public static bool Present(string root) =>
        new[] { CityOutline, Wards, Roads, PortalCameras }.All(f => File.Exists(Path.Combine(root, f)));
}
