using CityTwin.Bench.Common;
using System.Net;
using System.Net.Sockets;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Twin.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Bench.Fanout;

/// <summary>
/// The product host as <c>citytwin serve</c> builds it (silo, GraphQL over HTTP and WebSocket, demo city) on a free
/// loopback port, with one operator key and per-key rate limiting off: every load client shares that key.
/// </summary>
public sealed class BenchWebHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private BenchWebHost(WebApplication app, Uri baseUri, string apiKey)
    {
        this.app = app;
        BaseUri = baseUri;
        ApiKey = apiKey;
    }

    public Uri BaseUri { get; }

    public Uri GraphQLUri => new(BaseUri, "/graphql");

    public Uri WebSocketUri => new UriBuilder(GraphQLUri) { Scheme = "ws" }.Uri;

    public string ApiKey { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<BenchWebHost> StartAsync(string connectionString, bool shareResults = true, int? streamPullMs = null)
    {
        var apiKey = $"bench-{Guid.NewGuid():N}";
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        var builder = WebApplication.CreateBuilder();
        // Information logging would cost more than some of what is measured.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"CityTwin:ApiKeys:{apiKey}"] = "operator",
            ["CityTwin:GraphQL:RateLimit:PermitsPerSecond"] = "0",
            // No DICOM here: a bench host must not take (or fight a running product for) the SCP's port 11112.
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
            ["CityTwin:Live:ShareSubscriptionResults"] = shareResults ? "true" : "false",
            [TwinStreams.PullPeriodSetting] = streamPullMs is { } ms ? TimeSpan.FromMilliseconds(ms).ToString() : null,
        });
        builder.AddCityTwinHost(new HostSettings(url, connectionString, LoadDemoCity: true, SiloPort: Loopback.FreePort(), GatewayPort: Loopback.FreePort()));
        var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        var host = new BenchWebHost(app, new Uri(url), apiKey);
        await host.WaitHealthyAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Waits for <c>/healthz</c> 200: the database, the silo and the demo city are ready.</summary>
    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var response = await http.GetAsync("/healthz");
            if (response.StatusCode == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"host not healthy after 2 minutes: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(250);
        }
    }
}
