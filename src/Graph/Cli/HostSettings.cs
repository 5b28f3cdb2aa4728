using CityTwin.Twin.Persistence;

namespace CityTwin.Graph.Cli;

/// <summary>
/// Settings the host resolves at start: a command-line option wins over the environment, which wins over
/// appsettings. Defaults keep everything on loopback.
/// </summary>
public sealed record HostSettings(string Urls, string ConnectionString, bool LoadDemoCity, int SiloPort, int GatewayPort)
{
    /// <summary>Environment variable for the listening URLs.</summary>
    public const string UrlsVariable = "CITYTWIN_URLS";

    /// <summary>Where the host listens when nothing else is said.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The database connection string from the option, <c>CITYTWIN_DB</c> or <c>ConnectionStrings:Twin</c>.</summary>
    public static string? ResolveConnectionString(string? option, string? fromConfiguration) =>
        FirstNonEmpty(option, Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable), fromConfiguration);

    /// <summary>The listening URLs from the option, <c>CITYTWIN_URLS</c> or the default.</summary>
    public static string ResolveUrls(string? option) =>
        FirstNonEmpty(option, Environment.GetEnvironmentVariable(UrlsVariable)) ?? DefaultUrls;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
