using System.Text.Json;
using CityTwin.Graph.Auth;

namespace CityTwin.Graph.Webhooks;

/// <summary>The platform connectors' secrets: from the connectors file and from configuration, read once at start.</summary>
public sealed class ConnectorSecrets
{
    private readonly Dictionary<string, string> secrets;

    public ConnectorSecrets(MarketWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = ResolveFile(options.ConnectorsFile);
        if (File.Exists(file))
            foreach (var (id, secret) in Read(file)) secrets[id] = secret;
        foreach (var (id, secret) in options.Connectors) secrets[id] = secret;
    }

    /// <summary>How many connectors may post.</summary>
    public int Count => secrets.Count;

    public string? SecretOf(string? connectorId) => connectorId is not null && secrets.TryGetValue(connectorId, out var secret) ? secret : null;

    /// <summary>The connectors file as the host and the replay command find it.</summary>
    public static string ResolveFile(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var fromEnvironment = Environment.GetEnvironmentVariable(MarketWebhookOptions.ConnectorsFileVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        return Path.Combine(Path.GetDirectoryName(KeysFileLocator.Resolve(null))!, "dev-connectors.json");
    }

    /// <summary>Connector id → secret pairs of a connectors file; a file that is not a JSON object of strings fails loudly.</summary>
    public static IReadOnlyList<(string Id, string Secret)> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"The connectors file {path} must hold a JSON object of connector id → secret.");
        var pairs = new List<(string, string)>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                throw new InvalidOperationException($"The connectors file {path} has no secret string for '{property.Name}'.");
            pairs.Add((property.Name, property.Value.GetString()!));
        }
        return pairs;
    }
}
