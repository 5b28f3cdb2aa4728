using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using CityTwin.Twin.Vehicles.Reads;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.Stories;

/// <summary>
/// The host as <c>citytwin serve</c> builds it (real Kestrel, the silo, PostGIS, the demo city) on a fresh database,
/// with one operator key, and — when the shared OCR model is present — one vision camera whose image folder does not
/// exist yet (<see cref="VisionFolder"/>): the worker retries until a test moves frames there.
/// </summary>
public sealed class StoryHost : IAsyncLifetime
{
    public const string OperatorKey = "story-operator-key-5e1f";

    /// <summary>The demo camera (Mai Chí Thọ – Trần Bạch Đằng) the host's vision worker reads; away from the story's route.</summary>
    public const string VisionCameraId = "cam-mct-12";

    private WebApplication? app;

    public TestDatabase Database { get; } = new();

    /// <summary>The shared fast-plate-ocr model; null when the dataset is absent (the story tests then skip).</summary>
    public string? OcrModel { get; } = SharedData.File("models", "fast-plate-ocr", "cct_xs_v1_global.onnx");

    /// <summary>The folder configured as <see cref="VisionCameraId"/>'s source; created by the test that feeds it.</summary>
    public string VisionFolder { get; } = Path.Combine(Path.GetTempPath(), $"citytwin-story-{Guid.NewGuid():N}", "frames");

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebSocketUrl => new($"ws://{BaseUrl.Authority}/graphql");

    public IServiceProvider Services => app!.Services;

    /// <summary>The host's own ingest: the same instance GraphQL and the webhook use.</summary>
    public IPlateReadIngest Ingest => Services.GetRequiredService<IPlateReadIngest>();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CityTwin.Vision"] = "Information",
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
        };
        if (OcrModel is not null)
        {
            settings["CityTwin:Vision:Plates:Reader"] = "onnx";
            settings["CityTwin:Vision:Plates:Ocr:ModelPath"] = OcrModel;
            settings["CityTwin:Vision:Cameras:0:CameraId"] = VisionCameraId;
            settings["CityTwin:Vision:Cameras:0:Source"] = VisionFolder;
            // The folder's images are stamped one second apart: the voting window must span that gap for a pass to
            // stay one track (the 0.5 s default is for live sources sampled several times a second).
            settings["CityTwin:Vision:Plates:TrackTimeout"] = "00:00:01.5";
            // Short waits: the folder appears while the test runs, and the test should not wait 30 s for a retry.
            settings["CityTwin:Vision:RetryInitialDelay"] = "00:00:00.2";
            settings["CityTwin:Vision:RetryMaxDelay"] = "00:00:01";
        }
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCityTwinHost(new HostSettings(BaseUrl.ToString().TrimEnd('/'), Database.ConnectionString, LoadDemoCity: true,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        Http.BaseAddress = BaseUrl;
        await WaitHealthyAsync();
    }

    /// <summary>Runs a GraphQL document over HTTP as the operator; fails the test on any error.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using var response = await Http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    /// <summary>Reports <paramref name="plate"/> stolen in An Phú at <paramref name="at"/> through <c>reportStolenVehicle</c>.</summary>
    public async Task ReportStolenAsync(string plate, DateTimeOffset at)
    {
        var data = await GraphQLAsync("""
            mutation($plate: String!, $at: DateTimeOffset!) {
              reportStolenVehicle(plate: $plate, reportedAt: $at, reportedBy: "An Phú ward police", wardCode: "27091",
                                  description: "motorbike taken from a parking lot") {
                watchlistEntry { plateKey reason } errors { code message }
              }
            }
            """, new { plate, at });
        var payload = data.GetProperty("reportStolenVehicle");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
    }

    /// <summary>GETs a path with the operator key; returns the status, the media type and the bytes.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string? MediaType, byte[] Body)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Today's 06:00 in Hồ Chí Minh City (UTC+7, no daylight saving), or yesterday's when that is still ahead.</summary>
    public static DateTimeOffset SixInTheMorning(DateTimeOffset now)
    {
        var vietnam = TimeSpan.FromHours(7);
        var local = now.ToOffset(vietnam);
        var six = new DateTimeOffset(local.Year, local.Month, local.Day, 6, 0, 0, vietnam);
        return six > now ? six.AddDays(-1) : six;
    }

    private async Task WaitHealthyAsync()
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await Http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode) return;
        }
        throw new TimeoutException("the host did not become healthy within 90 s");
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
        var root = Path.GetDirectoryName(VisionFolder)!;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}

/// <summary>The story tests share one host: starting it and loading the demo city costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class StoryCollection : ICollectionFixture<StoryHost>
{
    public const string Name = "story host";
}
