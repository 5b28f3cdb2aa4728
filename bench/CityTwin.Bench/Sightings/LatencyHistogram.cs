namespace CityTwin.Bench.Sightings;

/// <summary>
/// A lock-free log-linear latency histogram in microseconds: each power of two is split into
/// <see cref="SubBuckets"/> linear buckets, so any percentile is within 1/64 (1.6 %) of the true value.
/// Workers record concurrently with one <see cref="Interlocked"/> increment, cheap enough not to disturb the load.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    // Up to 2^32 µs, over an hour: no call in a benchmark lasts that long (longer ones land in the last bucket).
    private const int BucketCount = 2 * SubBuckets + (32 - SubBucketBits - 1) * SubBuckets;

    private readonly long[] counts = new long[BucketCount];
    private long total;
    private long maxMicros;

    /// <summary>Number of samples recorded.</summary>
    public long Count => Interlocked.Read(ref total);

    /// <summary>Largest sample, exact, in milliseconds.</summary>
    public double MaxMilliseconds => Interlocked.Read(ref maxMicros) / 1000d;

    /// <summary>Records one latency given in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public void Record(long stopwatchTicks)
    {
        var micros = Math.Max(0, stopwatchTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);
        Interlocked.Increment(ref counts[IndexOf(micros)]);
        Interlocked.Increment(ref total);
        var seen = Interlocked.Read(ref maxMicros);
        while (micros > seen)
        {
            var previous = Interlocked.CompareExchange(ref maxMicros, micros, seen);
            if (previous == seen) break;
            seen = previous;
        }
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> % of samples fall, in milliseconds.</summary>
    public double PercentileMilliseconds(double percentile)
    {
        var n = Count;
        if (n == 0) return 0;
        var rank = (long)Math.Ceiling(n * percentile / 100d);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += Interlocked.Read(ref counts[i]);
            // The bucket's upper edge, capped by the exact max: a percentile never reads above the worst sample.
            if (seen >= rank) return Math.Min(UpperEdgeMicros(i), Interlocked.Read(ref maxMicros)) / 1000d;
        }
        return MaxMilliseconds;
    }

    // Below 2·SubBuckets µs every microsecond has its own bucket; above, each doubling gets SubBuckets buckets.
    private static int IndexOf(long micros)
    {
        if (micros < 2 * SubBuckets) return (int)micros;
        var shift = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)micros) - SubBucketBits;
        var sub = (int)(micros >> shift) - SubBuckets;
        return Math.Min(2 * SubBuckets + (shift - 1) * SubBuckets + sub, BucketCount - 1);
    }

    private static long UpperEdgeMicros(int index)
    {
        if (index < 2 * SubBuckets) return index;
        var shift = (index - 2 * SubBuckets) / SubBuckets + 1;
        var sub = (index - 2 * SubBuckets) % SubBuckets + SubBuckets;
        return ((long)(sub + 1) << shift) - 1;
    }
}
