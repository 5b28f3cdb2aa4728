namespace CityTwin.Graph.PlateReads;

/// <summary>The URLs of the plate-read endpoints, in one place so alerts and routes agree.</summary>
public static class PlateCropPaths
{
    /// <summary>Where cameras POST their reads.</summary>
    public const string Reads = "/plates/reads";

    /// <summary>The route of a stored crop.</summary>
    public const string CropRoute = "/plates/crops/{file}";

    /// <summary>The URL of a crop, relative to the host (the map client and partners resolve it against the API's base).</summary>
    public static string? UrlFor(string? cropId) => cropId is null ? null : $"/plates/crops/{cropId}.jpg";
}
