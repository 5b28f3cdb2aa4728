using CityTwin.Bench.Common;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Bench.PlateReads;

/// <summary>
/// The real single-node host (<c>citytwin serve</c>'s wiring: Kestrel, the silo, PostGIS, GraphQL and the webhook) in
/// this process, on free loopback ports, with one operator key and per-key rate limiting off.
/// </summary>
public static class BenchHost
{
    public const string OperatorKey = "bench-operator-key";

    /// <param name="streamPollMs">
    /// Diagnostic, departs from the product wiring: the memory streams' pull period (Orleans default 100 ms), which
    /// bounds how long a published alert waits before delivery. Null keeps the product's default.
    /// </param>
    public static async Task<(WebApplication App, Uri Url)> StartAsync(string connectionString, int? streamPollMs = null)
    {
        var url = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-bench-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            // The load comes from a handful of keys at a rate no real camera sends: per-key limits would measure themselves.
            ["CityTwin:GraphQL:RateLimit:PermitsPerSecond"] = "0",
            // No DICOM here: a bench host must not take (or fight a running product for) the SCP's port 11112.
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
        });
        builder.AddCityTwinHost(new HostSettings(url.ToString().TrimEnd('/'), connectionString, LoadDemoCity: false, Loopback.FreePort(), Loopback.FreePort()));
        if (streamPollMs is { } poll)
            builder.Services.Configure<Orleans.Configuration.StreamPullingAgentOptions>(CityTwin.Twin.Events.TwinStreams.Provider,
                o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(poll));
        var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        return (app, url);
    }
}
