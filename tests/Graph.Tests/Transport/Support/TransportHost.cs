using System.Net.Http.Headers;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>
/// A real Kestrel host on a free loopback port serving only the GraphQL transport over <see cref="TestSchema"/>, with
/// the keys file and configuration keys the tests use. Settings can be overridden per test.
/// </summary>
public sealed class TransportHost : IAsyncDisposable
{
    public const string OperatorKey = "op-7f3c2a91d4e8b6051c9a";
    public const string PlannerKey = "pl-0b8e4d27a6c1f3958e2d";
    public const string PartnerKey = "pa-5d1a9c3e7b2f4068a1c7";
    public const string ClinicKey = "cl-e2c4a6b8d0f1357986ab";
    public const string ClinicId = "thanh-an-health-station";

    private readonly WebApplication _app;
    private readonly string _keysDirectory;

    private TransportHost(WebApplication app, string keysDirectory, int port)
    {
        _app = app;
        _keysDirectory = keysDirectory;
        HttpUrl = new Uri($"http://127.0.0.1:{port}/graphql");
        WebSocketUrl = new Uri($"ws://127.0.0.1:{port}/graphql");
        Hub = app.Services.GetRequiredService<TestHub>();
    }

    public Uri HttpUrl { get; }
    public Uri WebSocketUrl { get; }
    public TestHub Hub { get; }

    public static async Task<TransportHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var keysDirectory = Directory.CreateTempSubdirectory("citytwin-keys-").FullName;
        var keysFile = Path.Combine(keysDirectory, "dev-keys.json");
        await File.WriteAllTextAsync(keysFile, $$"""{"operator": "{{OperatorKey}}", "planner": "{{PlannerKey}}", "partner": "{{PartnerKey}}"}""");
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["CityTwin:KeysFile"] = keysFile,
            [$"CityTwin:ApiKeys:{ClinicKey}"] = $"clinic:{ClinicId}",
            ["CityTwin:GraphQL:RateLimit:PermitsPerSecond"] = "10000",
            ["CityTwin:GraphQL:RateLimit:Burst"] = "10000",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TestHub>();
        builder.Services.AddSingleton<ISchema, TestSchema>();
        builder.Services.AddCityTwinTransport(builder.Configuration);
        var app = builder.Build();
        app.MapCityTwinGraphQL();
        await app.StartAsync();
        return new TransportHost(app, keysDirectory, port);
    }

    /// <summary>An HTTP client for <see cref="HttpUrl"/>, sending the key when one is given.</summary>
    public HttpClient CreateHttpClient(string? key = OperatorKey)
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_keysDirectory, recursive: true);
    }
}
