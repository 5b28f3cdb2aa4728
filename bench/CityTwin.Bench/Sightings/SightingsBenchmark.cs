using System.Diagnostics;
using System.Globalization;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CityTwin.Bench.Sightings;

/// <summary>
/// <c>sightings</c>: load on <see cref="IVehicleGrain.RecordSightingsAsync"/> in an in-process silo backed by PostGIS,
/// then a check that the database holds exactly what the calls said they stored.
/// </summary>
public static class SightingsBenchmark
{
    /// <summary>Unmeasured load after every vehicle exists, so tiered JIT and the connection pool settle first.</summary>
    private static readonly TimeSpan SteadyWarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(SightingsSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine($"no database: pass --db or set {TwinDbOptions.ConnectionStringVariable} (scripts/pg start prints one)");
            return 2;
        }
        var fleet = new SyntheticFleet(settings.Vehicles);
        await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
        var host = await BenchSilo.StartAsync(database.ConnectionString, settings);
        try
        {
            return await MeasureAsync(settings, fleet, host, database);
        }
        finally
        {
            await BenchSilo.StopAsync(host);
        }
    }

    private static async Task<int> MeasureAsync(SightingsSettings settings, SyntheticFleet fleet, IHost host, BenchDatabase database)
    {
        var call = CallFor(settings, fleet, host.Services);
        Console.WriteLine($"cores {Environment.ProcessorCount}, server GC {System.Runtime.GCSettings.IsServerGC}, database {database.Name}");
        Console.WriteLine($"target {settings.Target}, vehicles {settings.Vehicles}, batch {settings.Batch}, concurrency {settings.Concurrency}, "
                          + $"rate {(settings.Rate > 0 ? settings.Rate.ToString(CultureInfo.InvariantCulture) + " sightings/s (open loop)" : "max (closed loop)")}, "
                          + $"sighting log {Describe(host.Services)}");
        var (warmUpSightings, warmUpErrors) = await WarmUpAsync(settings, call);

        var cpu = new CpuMeter(database.Name);
        var gc = GcSnapshot.Take();
        var result = await Drive(settings, call, TimeSpan.FromSeconds(settings.Seconds));
        var use = cpu.Stop();
        Print(result);
        PrintCosts(result, use, gc);

        var failed = result.Errors + warmUpErrors > 0;
        if (failed) Console.Error.WriteLine($"ERROR: {warmUpErrors} warm-up and {result.Errors} measured calls failed; first: {result.FirstError}");
        if (settings.Target is not (SightingsTarget.Vehicle or SightingsTarget.Log)) return failed ? 1 : 0;
        var expected = warmUpSightings + result.SightingsTotal;
        var stored = await database.CountAsync("SELECT count(*) FROM sightings");
        Console.WriteLine($"verify: sightings table holds {stored:N0}; expected {expected:N0} (warm-up {warmUpSightings:N0} + measured {result.SightingsTotal:N0})");
        if (settings.Target == SightingsTarget.Vehicle)
            Console.WriteLine($"verify: vehicles table holds {await database.CountAsync("SELECT count(*) FROM vehicles"):N0}");
        if (stored == expected) return failed ? 1 : 0;
        Console.Error.WriteLine("ERROR: the database does not hold exactly the sightings the calls reported");
        return 1;
    }

    /// <summary>One single-sighting call per vehicle (a vehicle's first writes its identity row), then the load shape unmeasured.</summary>
    private static async Task<(long Sightings, long Errors)> WarmUpAsync(SightingsSettings settings, Func<int, int, Task<int>> call)
    {
        var clock = Stopwatch.StartNew();
        long sightings = 0, errors = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Vehicles), new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency },
            async (vehicle, _) =>
            {
                try { Interlocked.Add(ref sightings, await call(vehicle, 1)); }
                catch (Exception) { Interlocked.Increment(ref errors); }
            });
        Console.WriteLine($"warm-up: {settings.Vehicles} vehicles created in {clock.Elapsed.TotalSeconds:F1} s "
                          + $"({settings.Vehicles / clock.Elapsed.TotalSeconds:F0}/s), {errors} errors");
        var warm = await Drive(settings, call, SteadyWarmUp);
        Console.WriteLine($"warm-up: steady {warm.SightingsInWindow / warm.Window.TotalSeconds:F0} sightings/s for {SteadyWarmUp.TotalSeconds:F0} s");
        return (sightings + warm.SightingsTotal, errors + warm.Errors);
    }

    /// <summary>GC counters at the start of the measured window.</summary>
    private sealed record GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
    {
        public static GcSnapshot Take() =>
            new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
    }

    /// <summary>What each sighting cost: CPU on both sides of the connection, and GC work (the usual source of tail latency).</summary>
    private static void PrintCosts(LoadResult result, CpuUse use, GcSnapshot before)
    {
        var rate = Math.Max(1, result.SightingsInWindow / result.Window.TotalSeconds);
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"cpu cores: this process {use.Process:F2} ({use.Process * 1e6 / rate:F1} µs per sighting), ")
            + string.Create(invariant, $"PostgreSQL for this database {use.Database:F2} ({use.Database * 1e6 / rate:F1} µs per sighting), ")
            + string.Create(invariant, $"other processes {use.Others:F2} (unrelated work that disturbed the run; load average {LoadAverage()})"));
        Console.WriteLine($"gc: gen0 {GC.CollectionCount(0) - before.Gen0}, gen1 {GC.CollectionCount(1) - before.Gen1}, gen2 {GC.CollectionCount(2) - before.Gen2}, "
                          + $"paused {(GC.GetTotalPauseDuration() - before.Paused).TotalMilliseconds:F0} ms in the window, "
                          + $"{(GC.GetTotalAllocatedBytes() - before.Allocated) / Math.Max(1, result.SightingsTotal):N0} bytes allocated per sighting, "
                          + $"heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1 << 20):N0} MiB after the last GC");
    }

    private static Task<LoadResult> Drive(SightingsSettings settings, Func<int, int, Task<int>> call, TimeSpan duration)
    {
        var driver = new LoadDriver(vehicle => call(vehicle, settings.Batch), settings.Vehicles);
        return settings.Rate > 0
            ? driver.RunOpenAsync(settings.Rate / settings.Batch, settings.Concurrency, duration)
            : driver.RunClosedAsync(settings.Concurrency, duration);
    }

    /// <summary>One call for a vehicle index and a batch size, returning the sightings stored.</summary>
    private static Func<int, int, Task<int>> CallFor(SightingsSettings settings, SyntheticFleet fleet, IServiceProvider services)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var log = services.GetRequiredService<ISightingLog>();
        var keys = fleet.Plates.Select(p => p.CanonicalKey).ToArray();
        return settings.Target switch
        {
            SightingsTarget.Vehicle => async (v, n) => (await grains.GetGrain<IVehicleGrain>(keys[v]).RecordSightingsAsync(fleet.Observe(fleet.Plates[v], n))).Recorded,
            SightingsTarget.Log => async (v, n) => (await log.AppendAsync(keys[v], fleet.Observe(fleet.Plates[v], n).Sightings)).Count,
            SightingsTarget.Echo => async (v, n) => (await grains.GetGrain<IProbeGrain>(keys[v]).EchoAsync(fleet.Observe(fleet.Plates[v], n))).Recorded,
            SightingsTarget.Publish => async (v, n) => (await grains.GetGrain<IProbeGrain>(keys[v]).PublishAsync(fleet.Observe(fleet.Plates[v], n))).Recorded,
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Target, "unknown target"),
        };
    }

    private static string Describe(IServiceProvider services)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SightingLogOptions>>().Value;
        var cache = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Orleans.Configuration.StreamCacheEvictionOptions>>()
            .Get(CityTwin.Twin.Events.TwinStreams.Provider);
        return $"MaxRowsPerBatch {options.MaxRowsPerBatch}, ConcurrentWriters {options.ConcurrentWriters}, MaxQueuedAppends {options.MaxQueuedAppends}; "
               + $"stream cache keeps events {cache.DataMinTimeInCache.TotalSeconds:F0} s";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static void Print(LoadResult r)
    {
        var h = r.Latency;
        Console.WriteLine($"measured: {r.Window.TotalSeconds:F0} s, {r.Calls:N0} calls, {r.SightingsInWindow:N0} sightings recorded in the window "
                          + $"({r.SightingsTotal:N0} with calls drained after it)");
        Console.WriteLine($"sustained: {r.SightingsInWindow / r.Window.TotalSeconds:F0} sightings/s");
        Console.WriteLine(FormattableString.Invariant(
            $"latency ms: p50 {h.PercentileMilliseconds(50):F2}, p90 {h.PercentileMilliseconds(90):F2}, p99 {h.PercentileMilliseconds(99):F2}, max {h.MaxMilliseconds:F2}"));
    }
}
