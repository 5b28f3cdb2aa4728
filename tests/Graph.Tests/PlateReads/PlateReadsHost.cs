using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Graph.Tests.Live;
using CityTwin.Testing;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.PlateReads;

/// <summary>
/// The single-node host as <c>citytwin serve</c> builds it (real Kestrel, the silo, PostGIS), with operator, partner
/// and planner keys from configuration and a small webhook body limit so 413 is cheap to reach.
/// </summary>
public sealed class PlateReadsHost : IAsyncLifetime
{
    public const string OperatorKey = "plate-reads-operator-key";
    public const string PartnerKey = "plate-reads-partner-key";
    public const string PlannerKey = "plate-reads-planner-key";
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>A minimal JPEG: SOI, a JFIF header, EOI.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];

    private static int plateCounter = Random.Shared.Next(10_000, 60_000);
    private WebApplication? app;

    public TestDatabase Database { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebSocketUrl => new($"ws://{BaseUrl.Authority}/graphql");

    public IGrainFactory Grains => app!.Services.GetRequiredService<IGrainFactory>();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            [$"CityTwin:ApiKeys:{PartnerKey}"] = "partner",
            [$"CityTwin:ApiKeys:{PlannerKey}"] = "planner",
            ["CityTwin:PlateReads:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddCityTwinHost(new HostSettings(BaseUrl.ToString().TrimEnd('/'), Database.ConnectionString, LoadDemoCity: false,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        Http.BaseAddress = BaseUrl;
        await LiveTestCity.RegisterAsync(Grains);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    /// <summary>Registers a camera at <paramref name="at"/> and returns its id.</summary>
    public async Task<string> NewCameraAsync(GeoPoint? at = null)
    {
        var id = LiveTestCity.NewId("cam-pr");
        await Grains.GetGrain<ICameraGrain>(id).RegisterAsync(LiveTestCity.Camera(at ?? LiveTestCity.AnPhuIntersection));
        return id;
    }

    /// <summary>A fresh motorbike plate, 59-X8 nnnnn (8 is confusable with B).</summary>
    public static PlateNumber NewPlate() => PlateNumber.Parse($"59-X8 {Interlocked.Increment(ref plateCounter):00000}");

    /// <summary>Issues a camera key through the operator's <c>issueCameraKey</c> mutation.</summary>
    public async Task<string> IssueCameraKeyAsync(string cameraId)
    {
        var body = await GraphQLAsync(OperatorKey, "mutation($id: ID!) { issueCameraKey(cameraId: $id) { cameraKey { key } errors { code } } }", new { id = cameraId });
        return body.GetProperty("data").GetProperty("issueCameraKey").GetProperty("cameraKey").GetProperty("key").GetString()!;
    }

    /// <summary>Runs a GraphQL document over HTTP and returns the JSON body.</summary>
    public async Task<JsonElement> GraphQLAsync(string key, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>POSTs a raw webhook body; returns the status and the parsed JSON answer (undefined when there is none).</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PostReadsAsync(string? key, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/plates/reads") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A webhook body of one read per (camera, plate text, idempotency key), seen seconds ago.</summary>
    public static string ReadsBody(params (string Camera, string Plate, string Key, byte[]? Crop)[] reads) =>
        JsonSerializer.Serialize(new
        {
            reads = reads.Select(r => new
            {
                cameraId = r.Camera,
                seenAt = DateTimeOffset.UtcNow.AddSeconds(-10),
                plate = r.Plate,
                confidence = 0.92,
                idempotencyKey = r.Key,
                cropJpegBase64 = r.Crop is null ? null : Convert.ToBase64String(r.Crop),
            }),
        });

    /// <summary>GETs a URL with a key; returns the status, the media type and the bytes.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string? MediaType, byte[] Body)> GetAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>Tests that share one <see cref="PlateReadsHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PlateReadsCollection : ICollectionFixture<PlateReadsHost>
{
    public const string Name = "plate reads host";
}
