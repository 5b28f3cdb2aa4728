using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CityTwin.Twin.Vehicles.Reads;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Auth;

/// <summary>
/// The API keys of <see cref="ApiKeyOptions"/>, loaded once at start-up. Keys are kept only as SHA-256 hashes and
/// compared in constant time against every entry, so neither timing nor a memory dump reveals a key. Key ids name a key
/// in logs, audits and rate limits without revealing it.
/// </summary>
public sealed partial class ApiKeyStore : IApiKeyStore
{
    private const string BearerScheme = "Bearer ";
    private readonly (byte[] Hash, TwinPrincipal Principal)[] _entries;
    private readonly ICameraKeyStore? _cameraKeys;

    /// <param name="cameraKeys">Per-camera keys issued by operators; null where the host has no twin database.</param>
    public ApiKeyStore(IOptions<ApiKeyOptions> options, ILogger<ApiKeyStore> logger, ICameraKeyStore? cameraKeys = null)
    {
        _cameraKeys = cameraKeys;
        var entries = new List<(byte[], TwinPrincipal)>();
        var keysFile = KeysFileLocator.Resolve(options.Value.KeysFile);
        if (File.Exists(keysFile))
        {
            foreach (var (role, key) in ReadKeysFile(keysFile))
                entries.Add((Hash(key), Principal($"dev-{role}", role)));
            LogKeysFile(logger, keysFile);
        }
        else
            LogNoKeysFile(logger, keysFile);
        foreach (var (key, role) in options.Value.ApiKeys)
            entries.Add((Hash(key), Principal($"{role.Split(':')[0].ToLowerInvariant()}-{Convert.ToHexStringLower(Hash(key))[..8]}", role)));
        _entries = [.. entries];
    }

    /// <summary>How many keys are known.</summary>
    public int Count => _entries.Length;

    public TwinPrincipal? Authenticate(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)) return null;
        var key = authorization[BearerScheme.Length..].Trim();
        if (key.Length == 0) return null;
        var hash = Hash(key);
        TwinPrincipal? found = null;
        // No early exit: the time taken does not depend on which entry, if any, matches.
        foreach (var (candidate, principal) in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash)) found ??= principal;
        }
        if (found is null && _cameraKeys?.FindCamera(key) is { } camera)
            found = new TwinPrincipal($"camera-{camera}", TwinRole.Camera, CameraId: camera);
        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static IEnumerable<(string Role, string Key)> ReadKeysFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"The keys file {path} must hold a JSON object of role → key.");
        var keys = new List<(string, string)>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                throw new InvalidOperationException($"The keys file {path} has no key string for '{property.Name}'.");
            keys.Add((property.Name, property.Value.GetString()!));
        }
        return keys;
    }

    /// <summary>Fails start-up on a role nobody can use, rather than silently refusing that key later.</summary>
    private static TwinPrincipal Principal(string keyId, string role)
    {
        var parts = role.Trim().Split(':', 2);
        return parts[0].ToLowerInvariant() switch
        {
            "operator" when parts.Length == 1 => new TwinPrincipal(keyId, TwinRole.Operator),
            "planner" when parts.Length == 1 => new TwinPrincipal(keyId, TwinRole.Planner),
            "partner" when parts.Length == 1 => new TwinPrincipal(keyId, TwinRole.Partner),
            "supervisor" when parts.Length == 1 => new TwinPrincipal(keyId, TwinRole.Supervisor),
            "clinic" when parts.Length == 2 && parts[1].Trim().Length > 0 => new TwinPrincipal(keyId, TwinRole.Clinic, parts[1].Trim()),
            "market" when parts.Length == 2 && parts[1].Trim().Length > 0 => new TwinPrincipal(keyId, TwinRole.Market, MarketId: parts[1].Trim()),
            "schooloffice" when parts.Length == 1 => new TwinPrincipal(keyId, TwinRole.SchoolOffice),
            _ => throw new InvalidOperationException(
                $"Unknown API key role '{role}' (expected operator, planner, partner, supervisor, schooloffice, clinic:<id> or market:<id>)."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys read from {Path}")]
    private static partial void LogKeysFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys file at {Path}; only keys from configuration are accepted")]
    private static partial void LogNoKeysFile(ILogger logger, string path);
}
