using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using CityTwin.Bench.Sightings;

namespace CityTwin.Bench.Fanout;

/// <summary>
/// Requests per second of the map's main query over GraphQL-over-HTTP: the snapshot a map loads on start and after
/// every reconnect — the cameras of the viewport with their view areas, and the wards with their aggregates.
/// </summary>
public static class MapQueryBenchmark
{
    /// <summary>The viewport is the whole of Thu Duc City and District 7 at the map's opening zoom.</summary>
    public const string Query = """
        query MapSnapshot {
          cameras(bbox: [106.65, 10.70, 106.90, 10.90], first: 200) {
            nodes { id name kind online headingDeg fieldOfViewDeg location viewArea }
          }
          wards(first: 100) { nodes { code name labelPoint cameraCount openIncidentCount storeCount schoolCount clinicCount } }
        }
        """;

    public static async Task<int> RunAsync(FanoutSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable("CITYTWIN_DB")
            ?? throw new ArgumentException("no database: set CITYTWIN_DB or pass --db");
        await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
        await using var host = await BenchWebHost.StartAsync(database.ConnectionString);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.QueryConcurrency };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);
        var body = System.Text.Json.JsonSerializer.Serialize(new { query = Query });

        var first = await SendAsync(http, body);
        Console.WriteLine($"mapquery: response of {first.Length:N0} bytes, {settings.QueryConcurrency} concurrent clients, " +
            $"{settings.WarmupSeconds}+{settings.Seconds} s, {Environment.ProcessorCount} cores");
        await LoadAsync(http, body, settings.QueryConcurrency, TimeSpan.FromSeconds(settings.WarmupSeconds), null);
        var latency = new LatencyHistogram();
        var cpu = new CpuMeter(database.Name);
        var clock = Stopwatch.StartNew();
        var (ok, failed) = await LoadAsync(http, body, settings.QueryConcurrency, TimeSpan.FromSeconds(settings.Seconds), latency);
        var seconds = clock.Elapsed.TotalSeconds;
        var use = cpu.Stop();
        Console.WriteLine($"{ok / seconds:N0} requests/s ({ok:N0} ok, {failed} failed), latency ms p50 {latency.PercentileMilliseconds(50):F1} " +
            $"p99 {latency.PercentileMilliseconds(99):F1} max {latency.MaxMilliseconds:F1}");
        Console.WriteLine($"cpu (cores busy): this process {use.Process:F2} (host + clients), database {use.Database:F2}, others {use.Others:F2}");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<(long Ok, long Failed)> LoadAsync(HttpClient http, string body, int concurrency, TimeSpan duration, LatencyHistogram? latency)
    {
        long ok = 0, failed = 0;
        var end = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (end.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await SendAsync(http, body);
                    latency?.Record(Stopwatch.GetTimestamp() - start);
                    Interlocked.Increment(ref ok);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return (ok, failed);
    }

    private static async Task<string> SendAsync(HttpClient http, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal))
            throw new HttpRequestException($"map query failed: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        return text;
    }
}
