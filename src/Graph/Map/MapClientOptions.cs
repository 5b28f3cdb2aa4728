namespace CityTwin.Graph.Map;

/// <summary>Configuration section <c>CityTwin:Client</c>: where the built map client lives.</summary>
public sealed class MapClientOptions
{
    public const string Section = "CityTwin:Client";

    /// <summary>The built client folder (holding index.html). Unset: <c>client/dist</c> of the repository the host runs from.</summary>
    public string? Path { get; set; }
}
