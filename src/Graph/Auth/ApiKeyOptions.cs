namespace CityTwin.Graph.Auth;

/// <summary>
/// Where API keys come from (configuration section <c>CityTwin</c>): the development keys file written by <c>./run</c>,
/// and keys listed in configuration as <c>CityTwin:ApiKeys:&lt;key&gt; = operator | planner | partner | clinic:&lt;id&gt;</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "CityTwin";

    /// <summary>Environment variable naming the keys file when <see cref="KeysFile"/> is not configured.</summary>
    public const string KeysFileVariable = "CITYTWIN_KEYS_FILE";

    /// <summary>
    /// The JSON keys file <c>{"operator": "KEY", "planner": "KEY", "partner": "KEY"}</c>. Unset: <c>CITYTWIN_KEYS_FILE</c>,
    /// then <c>.data/dev-keys.json</c> under the repository that holds the current directory.
    /// </summary>
    public string? KeysFile { get; set; }

    /// <summary>
    /// More keys: key → role (<c>operator</c>, <c>planner</c>, <c>partner</c>, <c>supervisor</c>, <c>schooloffice</c>,
    /// <c>clinic:&lt;id&gt;</c> or <c>market:&lt;store id of the market&gt;</c>).
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);
}
