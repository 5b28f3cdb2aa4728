using System.Diagnostics;
using System.Globalization;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Graph.Map;
using CityTwin.Twin.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Bench.Map;

/// <summary>
/// <c>CityTwin.Bench basemap [--requests 200] [--db CONN]</c>: the public wards layer of the demo city over real Kestrel,
/// one client, requests in sequence, the per-address limit off. Two shapes of <c>--requests</c> bboxes each:
/// <c>distinct</c>, boxes in different tile covers, so every request runs its PostGIS query (what every distinct bbox
/// cost before bboxes were snapped to tiles); and <c>pans</c>, a 2 km view panned 20 m at a time across Thu Duc, as a
/// map does, which the tile-aligned cache mostly serves without a query.
/// </summary>
public static class BasemapBenchmark
{
    public const string Usage = "basemap [--requests 200] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = 200;
        string? db = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--requests") requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--db") db = args[i + 1];
            else throw new ArgumentException($"unknown option {args[i]}\nusage: CityTwin.Bench {Usage}");
        }
        var admin = db ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine("basemap: no database; set CITYTWIN_DB or pass --db");
            return 2;
        }

        await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-bench-no-keys-{Guid.NewGuid():N}.json"),
            ["CityTwin:Map:QueriesPerSecondPerAddress"] = "0",
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
        });
        builder.AddCityTwinHost(new HostSettings(url, database.ConnectionString, LoadDemoCity: true, Loopback.FreePort(), Loopback.FreePort()));
        await using var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(1) };
        await WaitHealthyAsync(http);
        var store = app.Services.GetRequiredService<BasemapStore>();

        Console.WriteLine($"cores {Environment.ProcessorCount}, {requests} requests per shape, one client in sequence, wards layer of the demo city");
        // Boxes of 0.01° on a 0.05° grid: each lies in its own tile cover, so each is a query.
        var distinct = Enumerable.Range(0, requests)
            .Select(i => (West: 106.60 + i % 20 * 0.05, South: 10.60 + i / 20 * 0.05))
            .Select(p => new BasemapBbox(p.West, p.South, p.West + 0.01, p.South + 0.01));
        await MeasureAsync(http, store, "distinct", distinct);
        // A 0.02° (about 2 km) view panned 0.0002° (about 20 m) at a time.
        var pans = Enumerable.Range(0, requests)
            .Select(i => new BasemapBbox(106.74 + i * 0.0002, 10.79, 106.76 + i * 0.0002, 10.81));
        await MeasureAsync(http, store, "pans", pans);
        await app.StopAsync();
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, BasemapStore store, string shape, IEnumerable<BasemapBbox> boxes)
    {
        var cachedBefore = store.CachedDocuments;
        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        foreach (var box in boxes)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture,
                $"/map/layers/wards.geojson?bbox={box.West},{box.South},{box.East},{box.North}"));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        total.Stop();
        latencies.Sort();
        double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shape,-9} {latencies.Count / total.Elapsed.TotalSeconds,7:F1} req/s  p50 {At(50),7:F2} ms  p90 {At(90),7:F2} ms  p99 {At(99),7:F1} ms  max {latencies[^1],7:F1} ms  mean {latencies.Average(),7:F2} ms  PostGIS queries {store.CachedDocuments - cachedBefore}"));
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
        throw new TimeoutException("the host did not become healthy within 90 s");
    }
}
