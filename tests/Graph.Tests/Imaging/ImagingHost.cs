using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.Imaging;

/// <summary>
/// The host as <c>citytwin serve</c> builds it (<see cref="CityTwinHostExtensions.AddCityTwinHost"/>: real Kestrel, the
/// silo, PostGIS, the demo city, the DICOM SCP and the reader the host chooses) on a fresh database, with the SCP and
/// HTTP on free ports, a temp storage root, and a key for the demo's Thạnh An commune health station.
/// </summary>
public sealed class ImagingHost : IAsyncDisposable
{
    public const string ClinicId = "clinic-tram-y-te-thanh-an";
    public const string ClinicKey = "imaging-host-clinic-key-7c2d";

    private readonly TestDatabase database = new();
    private WebApplication? app;

    private ImagingHost()
    {
    }

    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("citytwin-imaging-host-").FullName;

    public int ScpPort { get; } = FreePort.Next();

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public Uri WebSocketUrl => new($"ws://{BaseUrl.Authority}/graphql");

    public CapturedLog Log { get; } = new();

    public TestDatabase Database => database;

    /// <summary>Starts the host with the product's defaults plus <paramref name="configuration"/>, and waits for <c>/healthz</c>.</summary>
    public static async Task<ImagingHost> StartAsync(IDictionary<string, string?>? configuration = null)
    {
        var host = new ImagingHost();
        await host.database.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CityTwin.Vision"] = "Information",
            ["CityTwin:KeysFile"] = Path.Combine(host.StorageRoot, "no-keys-file.json"),
            [$"CityTwin:ApiKeys:{ClinicKey}"] = $"clinic:{ClinicId}",
            ["CityTwin:Imaging:StorageRoot"] = host.StorageRoot,
            ["CityTwin:Imaging:Scp:Port"] = host.ScpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>()) settings[key] = value;
        var builder = WebApplication.CreateBuilder();
        builder.Logging.AddProvider(host.Log);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCityTwinHost(new HostSettings(host.BaseUrl.ToString().TrimEnd('/'), host.database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        host.app = builder.Build();
        host.app.MapCityTwinEndpoints();
        await host.app.StartAsync();
        await host.WaitHealthyAsync();
        return host;
    }

    /// <summary>Sends <paramref name="file"/> with dcmtk <c>storescu</c> as the demo's <c>STORESCU</c> AE; fails on a non-zero exit.</summary>
    public async Task StoreScuAsync(string file)
    {
        var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", ScpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start (Debian package dcmtk)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"storescu exited {process.ExitCode}: {await output}{await error}");
    }

    /// <summary>Runs a GraphQL query over HTTP with the clinic's key; fails the test on any error.</summary>
    public async Task<JsonElement> GraphQLAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ClinicKey);
        using var response = await http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode) return;
        }
        throw new TimeoutException("the host did not become healthy within 120 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await database.DisposeAsync();
        Directory.Delete(StorageRoot, recursive: true);
    }
}
