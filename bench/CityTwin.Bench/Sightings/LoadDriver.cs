using System.Diagnostics;

namespace CityTwin.Bench.Sightings;

/// <summary>What one phase of load achieved.</summary>
public sealed record LoadResult(TimeSpan Window, long Calls, long SightingsInWindow, long SightingsTotal, long Errors, string? FirstError, LatencyHistogram Latency);

/// <summary>
/// Drives calls of the form "record for vehicle i, return how many sightings were stored".
/// Closed loop keeps <c>concurrency</c> calls in flight; open loop starts calls on a fixed schedule and times each
/// from its scheduled start, so a stalled system shows up as latency instead of hiding it (coordinated omission).
/// </summary>
public sealed class LoadDriver(Func<int, Task<int>> call, int vehicles)
{
    private long nextVehicle = -1;
    private long calls, inWindow, total, errors;
    private string? firstError;
    private long windowEnd = long.MaxValue;

    /// <summary>Closed loop for <paramref name="duration"/>; calls in flight at the end finish and count in the total only.</summary>
    public async Task<LoadResult> RunClosedAsync(int concurrency, TimeSpan duration)
    {
        var latency = new LatencyHistogram();
        var start = Stopwatch.GetTimestamp();
        windowEnd = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < windowEnd)
                await TimedCallAsync(Stopwatch.GetTimestamp(), latency);
        }));
        await Task.WhenAll(workers);
        return Result(duration, latency);
    }

    /// <summary>Open loop at <paramref name="callsPerSecond"/>; at most <paramref name="maxInFlight"/> calls are outstanding.</summary>
    public async Task<LoadResult> RunOpenAsync(double callsPerSecond, int maxInFlight, TimeSpan duration)
    {
        var latency = new LatencyHistogram();
        var slots = new SemaphoreSlim(maxInFlight);
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        windowEnd = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var ticksPerCall = Stopwatch.Frequency / callsPerSecond;
        long issued = 0;
        while (Stopwatch.GetTimestamp() < windowEnd)
        {
            var due = (long)((Stopwatch.GetTimestamp() - start) / ticksPerCall) + 1;
            for (; issued < due; issued++)
            {
                await slots.WaitAsync();
                var scheduled = start + (long)(issued * ticksPerCall);
                inFlight.Add(Task.Run(async () =>
                {
                    try { await TimedCallAsync(scheduled, latency); }
                    finally { slots.Release(); }
                }));
            }
            if (inFlight.Count > 100_000) inFlight.RemoveAll(t => t.IsCompleted);
            // Task.Delay ticks at about 1 ms: calls due meanwhile start together on the next tick.
            await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        return Result(duration, latency);
    }

    private async Task TimedCallAsync(long scheduledStart, LatencyHistogram latency)
    {
        var vehicle = (int)(Interlocked.Increment(ref nextVehicle) % vehicles);
        try
        {
            var recorded = await call(vehicle);
            var end = Stopwatch.GetTimestamp();
            latency.Record(end - scheduledStart);
            Interlocked.Increment(ref calls);
            Interlocked.Add(ref total, recorded);
            if (end <= windowEnd) Interlocked.Add(ref inWindow, recorded);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref errors);
            Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
        }
    }

    private LoadResult Result(TimeSpan duration, LatencyHistogram latency) =>
        new(duration, calls, inWindow, total, errors, firstError, latency);
}
