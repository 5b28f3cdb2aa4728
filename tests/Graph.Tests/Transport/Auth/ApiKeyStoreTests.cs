using CityTwin.Graph.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Tests.Transport.Auth;

/// <summary>The key store on its own: sources of keys, roles, the Bearer scheme, key ids that reveal nothing.</summary>
public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("citytwin-keystore-").FullName;

    [Fact]
    public void Authenticate_KeysFileAndConfiguration_BothAccepted()
    {
        var store = Create("""{"operator": "file-op-key", "partner": "file-pa-key"}""", new() { ["cfg-clinic-key"] = "clinic:c-42" });

        Assert.Equal(new TwinPrincipal("dev-operator", TwinRole.Operator), store.Authenticate("Bearer file-op-key"));
        Assert.Equal(TwinRole.Partner, store.Authenticate("bearer file-pa-key")?.Role);
        Assert.Equal("c-42", store.Authenticate("Bearer cfg-clinic-key")?.ClinicId);
        Assert.Equal(3, store.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("file-op-key")]
    [InlineData("Basic file-op-key")]
    [InlineData("Bearer")]
    [InlineData("Bearer file-op-ke")]
    [InlineData("Bearer file-op-key2")]
    public void Authenticate_MissingMalformedOrUnknown_ReturnsNull(string? authorization)
    {
        var store = Create("""{"operator": "file-op-key"}""");

        Assert.Null(store.Authenticate(authorization));
    }

    [Fact]
    public void KeyId_ConfiguredKey_NamesRoleWithoutRevealingKey()
    {
        var store = Create(null, new() { ["super-secret-planner"] = "Planner" });

        var principal = store.Authenticate("Bearer super-secret-planner")!;

        Assert.Equal(TwinRole.Planner, principal.Role);
        Assert.Matches("^planner-[0-9a-f]{8}$", principal.KeyId);
        Assert.DoesNotContain("secret", principal.KeyId);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("clinic")]
    [InlineData("clinic: ")]
    [InlineData("operator:x")]
    public void Constructor_UnknownRole_FailsAtStartUp(string role)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(null, new() { ["k"] = role }));

        Assert.Contains("role", error.Message);
    }

    [Fact]
    public void Constructor_NoKeysFile_AcceptsConfigurationKeysOnly()
    {
        var store = new ApiKeyStore(Options.Create(new ApiKeyOptions
        {
            KeysFile = Path.Combine(_directory, "absent.json"),
            ApiKeys = new() { ["only"] = "partner" },
        }), NullLogger<ApiKeyStore>.Instance);

        Assert.Equal(1, store.Count);
    }

    private ApiKeyStore Create(string? keysFile, Dictionary<string, string>? configured = null)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        if (keysFile is not null) File.WriteAllText(path, keysFile);
        return new ApiKeyStore(Options.Create(new ApiKeyOptions { KeysFile = path, ApiKeys = configured ?? [] }),
            NullLogger<ApiKeyStore>.Instance);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
