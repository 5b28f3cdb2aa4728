using CityTwin.Twin.Persistence;
using Npgsql;

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

    /// <summary>
    /// The database a command uses, or null after one clear line on stderr saying why there is none: no option, no
    /// <c>CITYTWIN_DB</c>, no configuration, or a string Npgsql cannot parse. Every command that needs the database asks
    /// here, so they all fail the same way.
    /// </summary>
    public static async Task<string?> ResolveDatabaseOrExplainAsync(string command, string? option, string? fromConfiguration)
    {
        var connectionString = ResolveConnectionString(option, fromConfiguration);
        if (connectionString is null)
        {
            await Console.Error.WriteLineAsync($"citytwin {command}: no database. Pass --db, set {TwinDbOptions.ConnectionStringVariable} (scripts/pg start prints one), or use ./run, which starts the private PostGIS cluster.");
            return null;
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"citytwin {command}: the database connection string is not valid ({e.Message}). Expected the form Host=127.0.0.1;Port=55432;Database=citytwin;Username=citytwin.");
            return null;
        }
    }

    /// <summary>The listening URLs from the option, <c>CITYTWIN_URLS</c> or the default.</summary>
    public static string ResolveUrls(string? option) =>
        FirstNonEmpty(option, Environment.GetEnvironmentVariable(UrlsVariable)) ?? DefaultUrls;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
