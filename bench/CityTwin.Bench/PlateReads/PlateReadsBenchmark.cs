using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Twin.Wards;
using CityTwin.Twin.Watchlists;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Bench.PlateReads;

/// <summary>
/// <c>plate-reads</c>: camera-side reads through <c>recordPlateReads</c> over real HTTP into the real host, each camera
/// with its own key, open loop at a target rate, while an operator's WebSocket subscription to <c>alerts</c> times
/// every watched read from the start of its HTTP call to the arrival of its <c>watchlistHit</c>.
/// </summary>
public static class PlateReadsBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AlertGrace = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(PlateReadsSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine($"no database: pass --db or set {TwinDbOptions.ConnectionStringVariable} (scripts/pg start prints one)");
            return 2;
        }
        await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
        var (app, url) = await BenchHost.StartAsync(database.ConnectionString, settings.StreamPollMs);
        try
        {
            var cameras = await SetUpCityAsync(app.Services, settings);
            var batches = new ReadBatches(settings, cameras);
            await WatchAsync(app.Services.GetRequiredService<IGrainFactory>(), batches.Watched);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency }) { BaseAddress = url };
            await using var alerts = await AlertListener.ConnectAsync(url, BenchHost.OperatorKey);

            Console.WriteLine($"cores {Environment.ProcessorCount}, server GC {System.Runtime.GCSettings.IsServerGC}, database {database.Name}");
            Console.WriteLine($"rate {settings.Rate} reads/s in calls of {settings.Batch} (open loop, at most {settings.Concurrency} in flight), "
                              + $"{settings.Cameras} cameras with their own keys, 1 read in {settings.WatchedEvery} watched, "
                              + $"stream pull period {(settings.StreamPollMs is { } poll ? poll + " ms (diagnostic)" : "Orleans default")}");
            var primed = Stopwatch.StartNew();
            await PrimeAsync(settings, http, batches);
            Console.WriteLine($"primed {settings.Plates + settings.WatchedPlates} plates (one read each, not measured) in {primed.Elapsed.TotalSeconds:0.0} s");
            // Warm-up, not measured: JIT tiering, connection pools, vehicle identity rows of the first reads.
            await DriveAsync(settings, http, batches, alerts, WarmUp);
            alerts.StartMeasuring();
            var cpu = new CpuMeter(database.Name);
            var result = await DriveAsync(settings, http, batches, alerts, TimeSpan.FromSeconds(settings.Seconds));
            var use = cpu.Stop();
            var deadline = Stopwatch.GetTimestamp() + (long)(AlertGrace.TotalSeconds * Stopwatch.Frequency);
            while (alerts.Pending > 0 && Stopwatch.GetTimestamp() < deadline) await Task.Delay(50);

            Print(settings, result, alerts, use);
            var stored = await database.CountAsync("SELECT count(*) FROM sightings");
            Console.WriteLine($"sightings stored (priming and warm-up included) {stored}, alerts never received {alerts.Pending}, alerts unmatched {alerts.Unmatched}");
            if (result.Errors > 0) Console.Error.WriteLine($"ERROR: {result.Errors} calls failed; first: {result.FirstError}");
            return result.Errors > 0 || alerts.Pending > 0 ? 1 : 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<List<(string Id, string Key)>> SetUpCityAsync(IServiceProvider services, PlateReadsSettings settings)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IWardGrain>("27091").RegisterAsync(new WardDefinition("An Phú", "Thành phố Thủ Đức", "769", new GeoPoint(106.7519, 10.8025)));
        var keys = services.GetRequiredService<ICameraKeyStore>();
        var cameras = new List<(string, string)>();
        for (var i = 0; i < settings.Cameras; i++)
        {
            var id = $"bench-cam-{i:000}";
            // Spread over Thu Duc so the live hub's area filters and predictions see a realistic layout.
            var at = new GeoPoint(106.70 + 0.18 * (i % 10) / 10, 10.74 + 0.16 * (i / 10 % 10) / 10);
            await grains.GetGrain<ICameraGrain>(id).RegisterAsync(
                new CameraDefinition($"Bench ANPR {i}", "27091", at, CameraKind.AnprFixed, 7, 90, 60, 100));
            cameras.Add((id, await keys.IssueAsync(id)));
        }
        return cameras;
    }

    private static Task WatchAsync(IGrainFactory grains, IReadOnlyList<string> plates) =>
        Task.WhenAll(plates.Select(plate => grains.GetGrain<IWatchlistGrain>(plate[..2])
            .AddAsync(new WatchlistRequest(plate, "bench: stolen", DateTimeOffset.UtcNow.AddMinutes(-1), "bench"))));

    private static async Task PrimeAsync(PlateReadsSettings settings, HttpClient http, ReadBatches batches)
    {
        var result = new DriveResult();
        using var slots = new SemaphoreSlim(Math.Min(settings.Concurrency, 16));
        var calls = new List<Task>();
        foreach (var (key, body) in batches.Priming())
        {
            await slots.WaitAsync();
            calls.Add(SendAsync(http, key, body, result, Stopwatch.GetTimestamp(), slots));
        }
        await Task.WhenAll(calls);
        if (result.Errors > 0) throw new InvalidOperationException($"priming failed {result.Errors} times; first: {result.FirstError}");
    }

    private sealed class DriveResult
    {
        public readonly LatencyHistogram Calls = new();
        public long Recorded;
        public long Errors;
        public string? FirstError;
        public TimeSpan Elapsed;
    }

    /// <summary>
    /// Open loop: call i is due at start + i·batch/rate. Latency runs from the due time, so a stall shows as latency
    /// rather than as fewer calls (coordinated omission); watched reads are timed from the same instant.
    /// </summary>
    private static async Task<DriveResult> DriveAsync(PlateReadsSettings settings, HttpClient http, ReadBatches batches,
        AlertListener alerts, TimeSpan duration)
    {
        var result = new DriveResult();
        var interval = settings.Batch / settings.Rate;
        var total = (long)(duration.TotalSeconds / interval);
        using var slots = new SemaphoreSlim(settings.Concurrency);
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i * interval * Stopwatch.Frequency);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            await slots.WaitAsync();
            inFlight.Add(CallAsync(http, batches, alerts, result, due, slots));
            if (inFlight.Count > 4096) inFlight.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(inFlight);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    private static async Task CallAsync(HttpClient http, ReadBatches batches, AlertListener alerts, DriveResult result, long due, SemaphoreSlim slots)
    {
        var (cameraKey, body, watched) = batches.Next();
        foreach (var key in watched) alerts.Expect(key, due);
        if (!await SendAsync(http, cameraKey, body, result, due, slots))
            foreach (var key in watched) alerts.Forget(key);
    }

    /// <summary>One call; true when the batch was accepted. Releases its slot whatever happens.</summary>
    private static async Task<bool> SendAsync(HttpClient http, string cameraKey, byte[] body, DriveResult result, long due, SemaphoreSlim slots)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cameraKey);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(text);
            var payload = json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? data.GetProperty("recordPlateReads") : default;
            if (!response.IsSuccessStatusCode || payload.ValueKind != JsonValueKind.Object || !payload.GetProperty("accepted").GetBoolean())
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
            Interlocked.Add(ref result.Recorded, payload.GetProperty("recorded").GetInt32());
            result.Calls.Record(Stopwatch.GetTimestamp() - due);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
        {
            if (Interlocked.Increment(ref result.Errors) == 1) result.FirstError = e.Message;
            return false;
        }
        finally
        {
            slots.Release();
        }
    }

    private static void Print(PlateReadsSettings settings, DriveResult result, AlertListener alerts, CpuUse use)
    {
        string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var seconds = result.Elapsed.TotalSeconds;
        Console.WriteLine($"measured {seconds:0.0} s: {result.Recorded} reads recorded, {result.Recorded / seconds:0} reads/s "
                          + $"(target {settings.Rate}), {result.Calls.Count / seconds:0.0} calls/s, {result.Errors} failed calls");
        Console.WriteLine($"call latency ms (from scheduled start): p50 {Ms(result.Calls.PercentileMilliseconds(50))} "
                          + $"p90 {Ms(result.Calls.PercentileMilliseconds(90))} p99 {Ms(result.Calls.PercentileMilliseconds(99))} max {Ms(result.Calls.MaxMilliseconds)}");
        var a = alerts.Latency;
        Console.WriteLine($"read-to-alert latency ms over WebSocket ({a.Count} alerts): p50 {Ms(a.PercentileMilliseconds(50))} "
                          + $"p90 {Ms(a.PercentileMilliseconds(90))} p99 {Ms(a.PercentileMilliseconds(99))} max {Ms(a.MaxMilliseconds)}");
        Console.WriteLine(FormattableString.Invariant(
            $"cpu cores: this process (host + load + subscriber) {use.Process:0.00}, database {use.Database:0.00}, others {use.Others:0.00}"));
    }
}
