using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests.Support;

/// <summary>
/// The host as <c>citytwin serve</c> builds it with its default reader (the demo model), the DICOM SCP on a free port,
/// a PACS configured on a loopback port nobody listens on (so forwarding really runs, fails, retries and
/// dead-letters fast), keys for two clinics, and one headless Debian Chromium.
/// </summary>
public sealed class ClinicHost : IAsyncDisposable
{
    public const string ThanhAnId = "clinic-tram-y-te-thanh-an";
    public const string ThanhAnName = "Trạm Y tế xã Thạnh An";
    public const string ThanhAnKey = "browser-clinic-thanh-an-3f81c2";
    public const string OtherClinicKey = "browser-clinic-bv-tp-thu-duc-9a04e7";

    private readonly TestDatabase database = new();
    private WebApplication? app;
    private IPlaywright? playwright;

    private ClinicHost()
    {
    }

    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("citytwin-browser-clinic-").FullName;

    public int ScpPort { get; } = FreePort.Next();

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public IBrowser Browser { get; private set; } = null!;

    public static async Task<ClinicHost> StartAsync()
    {
        var host = new ClinicHost();
        var build = ClientBuild.EnsureBuiltAsync();
        await host.database.InitializeAsync();
        await build;
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["CityTwin:KeysFile"] = Path.Combine(host.StorageRoot, "no-keys-file.json"),
            [$"CityTwin:ApiKeys:{ThanhAnKey}"] = $"clinic:{ThanhAnId}",
            [$"CityTwin:ApiKeys:{OtherClinicKey}"] = "clinic:clinic-bv-tp-thu-duc",
            ["CityTwin:Client:Path"] = RepositoryPaths.ClientDist,
            ["CityTwin:Imaging:StorageRoot"] = host.StorageRoot,
            ["CityTwin:Imaging:Scp:Port"] = host.ScpPort.ToString(CultureInfo.InvariantCulture),
            // A PACS that is down: every attempt is refused, so the study ends dead-lettered after two tries.
            ["CityTwin:Imaging:Pacs:Host"] = "127.0.0.1",
            ["CityTwin:Imaging:Pacs:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Pacs:MaxAttempts"] = "2",
            ["CityTwin:Imaging:Pacs:InitialDelay"] = "00:00:00.200",
            ["CityTwin:Imaging:Pacs:ConnectTimeout"] = "00:00:02",
        });
        builder.AddCityTwinHost(new HostSettings(host.BaseUrl.ToString().TrimEnd('/'), host.database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        host.app = builder.Build();
        host.app.MapCityTwinEndpoints();
        await host.app.StartAsync();
        await host.WaitHealthyAsync();
        host.playwright = await Playwright.CreateAsync();
        host.Browser = await host.playwright.Chromium.LaunchAsync(BrowserLaunch.Options);
        return host;
    }

    /// <summary>Sends <paramref name="file"/> with dcmtk <c>storescu</c> as Thạnh An's <c>STORESCU</c> AE; fails on a non-zero exit.</summary>
    public async Task StoreScuAsync(string file)
    {
        var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", ScpPort.ToString(CultureInfo.InvariantCulture), file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start (Debian package dcmtk)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"storescu exited {process.ExitCode}: {await output}{await error}");
    }

    public HttpClient CreateHttpClient(string key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A 1280×720 page with <paramref name="key"/> signed in, the map loaded and idle.</summary>
    public async Task<MapPage> OpenMapAsync(string key)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync($"sessionStorage.setItem('citytwin.apiKey', {JsonSerializer.Serialize(key)})");
        var map = new MapPage(page);
        await map.OpenAsync(BaseUrl);
        return map;
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await http.GetAsync("healthz");
            if (response.IsSuccessStatusCode) return;
        }
        throw new TimeoutException("the host did not become healthy within 120 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await database.DisposeAsync();
        Directory.Delete(StorageRoot, recursive: true);
    }
}
