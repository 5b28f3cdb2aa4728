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

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// The host as <c>citytwin serve</c> builds it (<see cref="CityTwinHostExtensions.AddCityTwinHost"/>: real Kestrel, the
/// silo, PostGIS, the demo city) on a fresh database, with one operator key, a snapshot folder of its own, and the
/// twin's clock replaced by a <see cref="ShiftedClock"/> the story moves forward.
/// </summary>
public class IncidentHost : IAsyncLifetime
{
    public const string OperatorKey = "incident-operator-key-7c2a";
    public const string PlannerKey = "incident-planner-key-7c2a";

    private WebApplication? app;

    public TestDatabase Database { get; } = new();

    public ShiftedClock Clock { get; } = new();

    public string SnapshotRoot { get; } = Path.Combine(Path.GetTempPath(), $"citytwin-snapshots-{Guid.NewGuid():N}");

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebSocketUrl => new($"ws://{BaseUrl.Authority}/graphql");

    public IServiceProvider Services => app!.Services;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            [$"CityTwin:ApiKeys:{PlannerKey}"] = "planner",
            ["CityTwin:Incidents:SnapshotRoot"] = SnapshotRoot,
        });
        Configure(builder);
        builder.AddCityTwinHost(new HostSettings(BaseUrl.ToString().TrimEnd('/'), Database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        app = builder.Build();
        Assert.Same(Clock, app.Services.GetRequiredService<TimeProvider>());
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        Http.BaseAddress = BaseUrl;
        for (var deadline = DateTime.UtcNow.AddSeconds(120); ; await Task.Delay(200))
        {
            using var response = await Http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy within 120 s");
        }
    }

    /// <summary>More settings or services for a host that needs them, applied before the product's wiring.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Runs a GraphQL document over HTTP with <paramref name="key"/>; returns the whole response body.</summary>
    public async Task<JsonElement> GraphQLRawAsync(string query, object? variables = null, string key = OperatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Runs a GraphQL document as the operator; fails the test on any error.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        var body = await GraphQLRawAsync(query, variables);
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    /// <summary>POSTs JSON to a path with a key; returns the status and the parsed body.</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>GETs a path with a key; returns the status, the media type and the bytes.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string? MediaType, byte[] Body)> GetAsync(string path, string key = OperatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Issues a camera key for <paramref name="cameraId"/> through <c>issueCameraKey</c>.</summary>
    public async Task<string> IssueCameraKeyAsync(string cameraId)
    {
        var data = await GraphQLAsync("mutation($id: ID!) { issueCameraKey(cameraId: $id) { cameraKey { key } errors { code } } }", new { id = cameraId });
        return data.GetProperty("issueCameraKey").GetProperty("cameraKey").GetProperty("key").GetString()!;
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await Database.DisposeAsync();
        if (Directory.Exists(SnapshotRoot)) Directory.Delete(SnapshotRoot, recursive: true);
    }
}

/// <summary>The incident tests share one host: starting it and loading the demo city costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class IncidentCollection : ICollectionFixture<IncidentHost>
{
    public const string Name = "incident host";
}
