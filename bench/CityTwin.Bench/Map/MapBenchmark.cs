using System.Diagnostics;
using System.Text.Json;
using CityTwin.Bench.Sightings;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CityTwin.Bench.Map;

/// <summary>
/// The map client under live load, in headless Debian Chromium: first load time of the page with the demo city, then
/// frames per second (requestAnimationFrame count) idle and while sightings arrive at a fixed rate for the visible
/// area, and the event-to-screen delay (twin event time → first frame that drew it). Everything runs in this process:
/// the host as <c>citytwin serve</c> builds it, and the load generator calling the vehicle grains.
/// </summary>
public static class MapBenchmark
{
    private const string Key = "bench-map-operator-5e1f";

    public static async Task<int> RunAsync(MapBenchSettings settings)
    {
        var admin = settings.Db ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine("map: no database; set CITYTWIN_DB or pass --db");
            return 2;
        }
        var client = Path.GetFullPath(settings.ClientPath);
        if (!File.Exists(Path.Combine(client, "index.html")))
        {
            Console.Error.WriteLine($"map: {client} has no index.html; run `npm run build` in client/ first");
            return 2;
        }

        await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
        var url = $"http://127.0.0.1:{FreeLoopbackPort()}";
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            [$"CityTwin:ApiKeys:{Key}"] = "operator",
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-bench-no-keys-{Guid.NewGuid():N}.json"),
            ["CityTwin:Client:Path"] = client,
        });
        builder.AddCityTwinHost(new HostSettings(url, database.ConnectionString, LoadDemoCity: true, FreeLoopbackPort(), FreeLoopbackPort()));
        await using var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        await WaitHealthyAsync(url);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--no-sandbox"],
        });

        Console.WriteLine($"cores {Environment.ProcessorCount}, chromium headless (SwiftShader), viewport 1280x720, rate {settings.Rate}/s, {settings.Seconds} s");
        var loads = new List<double>();
        for (var i = 0; i < settings.Loads; i++) loads.Add(await FirstLoadAsync(browser, url));
        Console.WriteLine($"first load to live and idle (ms, fresh context each): {string.Join(", ", loads.Select(l => l.ToString("F0")))}");

        var page = await OpenAsync(browser, url);
        var bbox = await page.EvaluateAsync<double[]>("() => window.__citytwin.view.currentBbox()");
        var idleFps = await MeasureFpsAsync(page, 5);
        Console.WriteLine($"idle: {idleFps:F1} frames/s");

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        using var stop = new CancellationTokenSource();
        var sent = 0L;
        var failed = 0L;
        var skipped = 0L;
        var load = Task.Run(() => DriveAsync(grains, bbox, settings.Rate, () => Interlocked.Increment(ref sent), () => Interlocked.Increment(ref failed),
            () => Interlocked.Increment(ref skipped), stop.Token));
        await Task.Delay(TimeSpan.FromSeconds(3)); // warm-up: JIT, first activations, the page's first bursts
        await page.EvaluateAsync("() => { window.__citytwin.view.metrics.eventToScreenMs.length = 0; window.__citytwin.store.arrivalDelayMs.length = 0; window.__benchReceived = window.__citytwin.store.sightingsReceived; return true; }");
        var sentBefore = Interlocked.Read(ref sent);
        var watch = Stopwatch.StartNew();
        var loadFps = await MeasureFpsAsync(page, settings.Seconds);
        var seconds = watch.Elapsed.TotalSeconds;
        var sentDuring = Interlocked.Read(ref sent) - sentBefore;
        var result = await page.EvaluateAsync<string>("""
            () => JSON.stringify({ delays: window.__citytwin.view.metrics.eventToScreenMs,
                                   arrivals: window.__citytwin.store.arrivalDelayMs,
                                   received: window.__citytwin.store.sightingsReceived - window.__benchReceived,
                                   onMap: window.__citytwin.store.sightings.size,
                                   problems: window.__citytwin.store.problems.length, problemText: window.__citytwin.store.problems.map(p => p.kind + ': ' + p.message).join(' | ') })
            """);
        await stop.CancelAsync();
        await load;

        var measured = JsonDocument.Parse(result).RootElement;
        if (measured.GetProperty("problems").GetInt32() > 0) Console.WriteLine($"problems shown by the page: {measured.GetProperty("problemText").GetString()}");
        var delays = measured.GetProperty("delays").EnumerateArray().Select(d => d.GetDouble()).Order().ToArray();
        Console.WriteLine($"under load: {loadFps:F1} frames/s; sent {sentDuring / seconds:F0} sightings/s, received by the page {measured.GetProperty("received").GetInt64() / seconds:F0}/s, " +
            $"{failed} failed calls, {skipped} not sent (256 calls in flight), {measured.GetProperty("onMap").GetInt32()} plates on the map, {measured.GetProperty("problems").GetInt32()} problems shown");
        if (delays.Length > 0)
        {
            Console.WriteLine($"event-to-screen (ms, {delays.Length} drawn bursts): p50 {Percentile(delays, 50):F0}, p90 {Percentile(delays, 90):F0}, " +
                $"p99 {Percentile(delays, 99):F0}, max {delays[^1]:F0}");
        }
        var arrivals = measured.GetProperty("arrivals").EnumerateArray().Select(d => d.GetDouble()).Order().ToArray();
        if (arrivals.Length > 0)
            Console.WriteLine($"event-to-page arrival (ms, {arrivals.Length} events): p50 {Percentile(arrivals, 50):F0}, p90 {Percentile(arrivals, 90):F0}, " +
                $"p99 {Percentile(arrivals, 99):F0}, max {arrivals[^1]:F0}");
        if (delays.Length == 0)
        {
            Console.WriteLine("event-to-screen: no burst was drawn");
            return 1;
        }
        await app.StopAsync();
        return failed == 0 ? 0 : 1;
    }

    private static async Task<double> FirstLoadAsync(IBrowser browser, string url)
    {
        var watch = Stopwatch.StartNew();
        var page = await OpenAsync(browser, url);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await page.Context.CloseAsync();
        return elapsed;
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync($"sessionStorage.setItem('citytwin.apiKey', '{Key}')");
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.__citytwin !== undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.EvaluateAsync("() => window.__citytwin.ready");
        await page.EvaluateAsync("() => new Promise(r => { window.__citytwin.map.once('idle', () => r(true)); window.__citytwin.map.triggerRepaint(); })");
        return page;
    }

    /// <summary>requestAnimationFrame callbacks per second over a window: what the user sees as smoothness.</summary>
    private static async Task<double> MeasureFpsAsync(IPage page, int seconds) =>
        await page.EvaluateAsync<double>("""
            seconds => new Promise(resolve => {
              let frames = 0;
              const start = performance.now();
              const tick = now => {
                frames++;
                if (now - start < seconds * 1000) requestAnimationFrame(tick);
                else resolve(frames / ((now - start) / 1000));
              };
              requestAnimationFrame(tick);
            })
            """, seconds);

    /// <summary>Open loop: every 20 ms, rate/50 sightings of random plates at random points of the visible area.</summary>
    private static async Task DriveAsync(IGrainFactory grains, double[] bbox, int rate, Action sentOne, Action failedOne, Action skippedOne, CancellationToken stop)
    {
        var random = new Random(20_261_126);
        // 2,000 motorbikes such as 59-X1 012.34 (key 59X101234): valid plates the twin accepts.
        var plates = Enumerable.Range(0, 2000).Select(i => (Text: $"59-X{1 + i % 9} {i / 100:000}.{i % 100:00}", Key: $"59X{1 + i % 9}{i:00000}")).ToArray();
        var perTick = Math.Max(1, rate / 50);
        var inFlight = new SemaphoreSlim(256);
        var next = Stopwatch.GetTimestamp();
        var tick = Stopwatch.Frequency / 50;
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < perTick; i++)
            {
                var (text, key) = plates[random.Next(plates.Length)];
                var at = new GeoPoint(bbox[0] + random.NextDouble() * (bbox[2] - bbox[0]), bbox[1] + random.NextDouble() * (bbox[3] - bbox[1]));
                var observation = new VehicleObservation([new SightingInput($"bench:{Guid.NewGuid():N}", "cam-bench", DateTimeOffset.UtcNow, at, 0.9f, text)], VehicleKind.Motorbike);
                if (!inFlight.Wait(0)) { skippedOne(); continue; }
                _ = grains.GetGrain<IVehicleGrain>(key).RecordSightingsAsync(observation).ContinueWith(t =>
                {
                    inFlight.Release();
                    if (t.IsCompletedSuccessfully) sentOne();
                    else
                    {
                        if (Interlocked.Exchange(ref firstFailureShown, 1) == 0)
                            Console.Error.WriteLine($"first failed call: {t.Exception?.GetBaseException().Message}");
                        failedOne();
                    }
                }, TaskScheduler.Default);
            }
            next += tick;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, CancellationToken.None);
        }
        while (inFlight.CurrentCount < 256) await Task.Delay(10, CancellationToken.None);
    }

    private static int firstFailureShown;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitHealthyAsync(string url)
    {
        using var http = new HttpClient();
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            try
            {
                using var response = await http.GetAsync(url + "/healthz");
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
