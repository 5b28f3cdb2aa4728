using System.Diagnostics;
using System.Net.Http.Headers;
using CityTwin.Bench.Sightings;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Bench.Fanout;

/// <summary>
/// Subscription fan-out end to end: sightings recorded through the vehicle grains reach thousands of real
/// graphql-transport-ws clients, each scoped to its map area (or the whole city). Reports the event-to-client
/// latency, from the start of the recording call to the client reading the <c>next</c> message, and every
/// expected delivery that never arrived.
/// </summary>
public static class FanoutBenchmark
{
    public static async Task<int> RunAsync(FanoutSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable("CITYTWIN_DB")
            ?? throw new ArgumentException("no database: set CITYTWIN_DB or pass --db");
        await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
        await using var host = await BenchWebHost.StartAsync(database.ConnectionString, settings.ShareResults, settings.StreamPullMs);
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);
        var cameras = await DemoCamera.LoadAsync(http);

        var random = new Random(settings.Seed);
        var ledger = new FanoutLedger();
        var subscribers = Enumerable.Range(0, settings.Subscribers)
            .Select(i => new Subscriber(i, settings.AreaKm > 0 ? RandomViewport(cameras, settings.AreaKm, random) : null, ledger))
            .ToList();
        var expectedPerCamera = cameras.Select(c => subscribers.Count(s => s.Area?.Contains(c.Longitude, c.Latitude) ?? true)).ToArray();

        Console.WriteLine($"fanout: {settings.Subscribers:N0} subscribers ({(settings.AreaKm > 0 ? $"{settings.AreaKm} km areas" : "unscoped")}), " +
            $"{settings.Rate:N0} sightings/s over {cameras.Count} cameras, {settings.WarmupSeconds}+{settings.Seconds} s, " +
            $"results {(settings.ShareResults ? "shared" : "per subscriber")}, stream pull {(settings.StreamPullMs is { } ms ? $"{ms} ms" : "default")}, " +
            $"{Environment.ProcessorCount} cores");
        var connecting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = settings.ConnectConcurrency },
            (s, ct) => new ValueTask(s.ConnectAsync(host.WebSocketUri, host.ApiKey, ct)));
        using var stopReading = new CancellationTokenSource();
        var readers = subscribers.Select(s => Task.Run(() => s.ReceiveAsync(stopReading.Token))).ToList();
        Console.WriteLine($"connected and subscribed in {connecting.Elapsed.TotalSeconds:F1} s");
        // Subscriptions start on the server after the subscribe message is read; give the last ones a moment.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var driver = new SightingDriver(host.Services.GetRequiredService<IGrainFactory>(), cameras, expectedPerCamera, ledger, settings.Seed);
        var cpu = new CpuMeter(database.Name);
        var run = Stopwatch.StartNew();
        var measuredSent = await driver.RunAsync(settings.Rate, TimeSpan.FromSeconds(settings.WarmupSeconds), TimeSpan.FromSeconds(settings.Seconds), CancellationToken.None);
        var sendSeconds = run.Elapsed.TotalSeconds;
        // Whatever is still on its way gets a few seconds before it counts as lost.
        await WaitForDeliveriesAsync(ledger, TimeSpan.FromSeconds(10));
        var use = cpu.Stop();

        var measured = ledger.Sent.Where(s => s.Measured).ToList();
        long expected = measured.Sum(s => (long)s.Expected), delivered = measured.Sum(s => (long)Math.Min(s.Delivered, s.Expected));
        long duplicates = measured.Sum(s => (long)Math.Max(0, s.Delivered - s.Expected));
        var ended = subscribers.Where(s => s.Ended is not null).ToList();
        var latency = ledger.Latency;
        Console.WriteLine($"sent {measuredSent:N0} measured sightings ({measuredSent / (double)settings.Seconds:N0}/s), {driver.Failures} failed{(driver.FirstFailure is null ? "" : $" (first: {driver.FirstFailure})")}");
        Console.WriteLine($"deliveries: expected {expected:N0} ({expected / (double)Math.Max(1, measured.Count):N1} per event, {expected / (double)settings.Seconds:N0}/s), " +
            $"delivered {delivered:N0}, lost {expected - delivered:N0}, duplicates {duplicates:N0}, outside area {subscribers.Sum(s => s.Unexpected):N0}");
        Console.WriteLine($"event-to-client latency ms: p50 {latency.PercentileMilliseconds(50):F1}  p90 {latency.PercentileMilliseconds(90):F1}  " +
            $"p99 {latency.PercentileMilliseconds(99):F1}  p99.9 {latency.PercentileMilliseconds(99.9):F1}  max {latency.MaxMilliseconds:F1}");
        Console.WriteLine($"subscribers ended by the server: {ended.Count}{(ended.Count > 0 ? $" (first: {ended[0].Ended})" : "")}");
        Console.WriteLine($"cpu (cores busy over {sendSeconds:F0} s + drain): this process {use.Process:F2} (host + clients), database {use.Database:F2}, others {use.Others:F2}");

        await stopReading.CancelAsync();
        await Task.WhenAll(readers);
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (s, _) => await s.CloseAsync());
        return expected == delivered && ended.Count == 0 && driver.Failures == 0 ? 0 : 1;
    }

    /// <summary>An operator's street-level viewport, centred anywhere over the extent of the city's cameras.</summary>
    private static MapArea RandomViewport(IReadOnlyList<DemoCamera> cameras, double sideKm, Random random)
    {
        double west = cameras.Min(c => c.Longitude), east = cameras.Max(c => c.Longitude);
        double south = cameras.Min(c => c.Latitude), north = cameras.Max(c => c.Latitude);
        return MapArea.Around(west + random.NextDouble() * (east - west), south + random.NextDouble() * (north - south), sideKm);
    }

    private static async Task WaitForDeliveriesAsync(FanoutLedger ledger, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit && ledger.Sent.Any(s => s.Delivered < s.Expected))
            await Task.Delay(100);
    }
}
