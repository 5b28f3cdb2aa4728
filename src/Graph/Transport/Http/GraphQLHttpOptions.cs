namespace CityTwin.Graph.Transport.Http;

/// <summary>GraphQL over HTTP settings (configuration section <c>CityTwin:GraphQL:Http</c>).</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "CityTwin:GraphQL:Http";

    /// <summary>Largest POST body in bytes; larger bodies get 413 without being read.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
