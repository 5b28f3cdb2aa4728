using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests.Support;

/// <summary>
/// The real host as <c>citytwin serve</c> builds it (silo, demo city, GraphQL, the map client) on a fresh database,
/// and one headless Debian Chromium, shared by every browser test.
/// </summary>
public class MapHost : IAsyncLifetime
{
    public const string OperatorKey = "op-map-tests-4c7e91a2b3d5";
    /// <summary>Keys of other roles, for the tests of what each role's map shows.</summary>
    public const string PartnerKey = "partner-map-tests-7d21c9e04b";
    public const string ClinicKey = "clinic-map-tests-5e8a31f6c2";
    /// <summary>The market platform connector the browser tests sign their order streams with.</summary>
    public const string ConnectorId = "browser-tests-connector";

    /// <summary>The market whose partner key <see cref="MarketPartnerKey"/> is (role <c>market:&lt;id&gt;</c>).</summary>
    public const string PartnerMarketId = "store-map-partner-market";
    public const string MarketPartnerKey = "mkt-map-tests-5d20be71c9a4";
    /// <summary>A schools' office key (role <c>schooloffice</c>): lessons and arcs, no markets.</summary>
    public const string SchoolOfficeKey = "school-map-tests-a83f0c6e41d2";
    public const string ConnectorSecret = "browser-tests-secret-8b1f3c";

    private readonly TestDatabase database = new();
    private WebApplication? app;
    private IPlaywright? playwright;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("host not started");
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
    public string ConnectionString => database.ConnectionString;

    public async Task InitializeAsync()
    {
        var build = ClientBuild.EnsureBuiltAsync();
        await database.InitializeAsync();
        await build;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            [$"CityTwin:ApiKeys:{MarketPartnerKey}"] = $"market:{PartnerMarketId}",
            [$"CityTwin:ApiKeys:{SchoolOfficeKey}"] = "schooloffice",
            [$"CityTwin:ApiKeys:{PartnerKey}"] = "partner",
            [$"CityTwin:ApiKeys:{ClinicKey}"] = "clinic:clinic-tram-y-te-thanh-an",
            // No keys file: only the key above exists.
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-keys-{Guid.NewGuid():N}.json"),
            ["CityTwin:Client:Path"] = RepositoryPaths.ClientDist,
            // The map reads no X-rays; composing and warming the demo model on a fresh checkout's first start takes
            // both cores for seconds while the first page loads. The imaging tests start the host with the model.
            ["CityTwin:Imaging:DemoModel:Enabled"] = "false",
            // No connectors file either: only this connector may post market orders.
            ["CityTwin:Markets:Webhook:ConnectorsFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-connectors-{Guid.NewGuid():N}.json"),
            [$"CityTwin:Markets:Webhook:Connectors:{ConnectorId}"] = ConnectorSecret,
        });
        builder.Configuration.AddInMemoryCollection(ExtraSettings());
        builder.AddCityTwinHost(new HostSettings(url, database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        BaseUrl = new Uri(url + "/");
        await WaitHealthyAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(BrowserLaunch.Options);
    }

    /// <summary>Settings a derived host adds to the ones every browser test uses (more keys, real layers).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    /// <summary>A page at 1280×720 with <paramref name="key"/> (default the operator's) signed in, the map loaded, live and idle.</summary>
    public async Task<MapPage> OpenMapAsync(string key = OperatorKey)
    {
        var page = await NewSignedInPageAsync(key);
        var map = new MapPage(page);
        await map.OpenAsync(BaseUrl);
        return map;
    }

    public async Task<IPage> NewSignedInPageAsync(string? key = OperatorKey)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        if (key is not null) await page.AddInitScriptAsync($"sessionStorage.setItem('citytwin.apiKey', {JsonSerializer.Serialize(key)})");
        return page;
    }

    public HttpClient CreateHttpClient(string? key = OperatorKey)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Runs a GraphQL document over HTTP as the operator; fails the test on any error.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        using var client = CreateHttpClient();
        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    private async Task WaitHealthyAsync()
    {
        using var client = CreateHttpClient(null);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await client.GetAsync("healthz");
            if (response.IsSuccessStatusCode) return;
        }
        throw new TimeoutException("the host did not become healthy within 60 s");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await database.DisposeAsync();
    }
}

/// <summary>All browser tests share one host and one browser: starting either costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class MapCollection : ICollectionFixture<MapHost>
{
    public const string Name = "map";
}
