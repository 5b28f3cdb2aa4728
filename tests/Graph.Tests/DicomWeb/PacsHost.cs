using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>
/// The host as <c>citytwin serve</c> builds it (Kestrel, silo, PostGIS, demo city), its C-STORE SCP on a free port and
/// PACS forwarding to a real Orthanc, whose DICOMweb client knows this host as the remote server <c>citytwin</c>
/// (with the Thạnh An clinic's key). Skips everything when Orthanc or dcmtk is missing.
/// </summary>
public sealed class PacsHost : IAsyncLifetime
{
    public const string ClinicId = "clinic-tram-y-te-thanh-an";
    public const string ClinicKey = "pacs-clinic-key-4c1e9a7d";
    public const string OtherClinicKey = "pacs-other-clinic-key-2b8f";
    public const string OperatorKey = "pacs-operator-key-7d3a";

    private WebApplication? app;

    public static bool Available => OrthancServer.Installed && File.Exists("/usr/bin/storescu");

    public TestDatabase Database { get; } = new();
    public OrthancServer Orthanc { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public int ScpPort { get; } = FreePort.Next();
    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("citytwin-pacs-host-").FullName;

    public async Task InitializeAsync()
    {
        if (!Available) return;
        await Database.InitializeAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        Orthanc = await OrthancServer.StartAsync(dicomWebServers: new JsonObject
        {
            ["citytwin"] = new JsonObject
            {
                ["Url"] = $"{BaseUrl}dicomweb/",
                ["HttpHeaders"] = new JsonObject { ["Authorization"] = $"Bearer {ClinicKey}" },
            },
        });
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(StorageRoot, "no-keys.json"),
            [$"CityTwin:ApiKeys:{ClinicKey}"] = $"clinic:{ClinicId}",
            [$"CityTwin:ApiKeys:{OtherClinicKey}"] = "clinic:clinic-bv-tp-thu-duc",
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            ["CityTwin:Imaging:StorageRoot"] = StorageRoot,
            ["CityTwin:Imaging:Scp:Port"] = ScpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Decoder:Workers"] = "1",
            ["CityTwin:Imaging:Pacs:Host"] = "127.0.0.1",
            ["CityTwin:Imaging:Pacs:Port"] = Orthanc.DicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Pacs:CalledAeTitle"] = Orthanc.AeTitle,
            ["CityTwin:Imaging:Pacs:PollInterval"] = "00:00:00.1",
        });
        builder.AddCityTwinHost(new HostSettings(BaseUrl.ToString().TrimEnd('/'), Database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = BaseUrl };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); ; await Task.Delay(200))
        {
            using var response = await http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy within 90 s");
        }
    }

    public IServiceProvider Services => app!.Services;

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Sends a file to the host's SCP with dcmtk storescu as the demo clinic's AE title.</summary>
    public async Task StoreAsync(string path)
    {
        var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", ScpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), path })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
    }

    /// <summary>Runs a GraphQL query with <paramref name="key"/>; fails the test on any error.</summary>
    public async Task<JsonElement> GraphQLAsync(string key, string query, object? variables = null)
    {
        using var client = Client(key);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (Available)
        {
            await Orthanc.DisposeAsync();
            await Database.DisposeAsync();
        }
        try { Directory.Delete(StorageRoot, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The PACS link tests share one host and one Orthanc.</summary>
[CollectionDefinition(Name)]
public sealed class PacsHostCollection : ICollectionFixture<PacsHost>
{
    public const string Name = "pacs host";
}
