namespace CityTwin.Vision.Frames;

/// <summary>
/// Exponential back-off for live streams: the first retry waits <see cref="InitialDelay"/>, each next one twice as
/// long up to <see cref="MaxDelay"/>. A stream that keeps failing is given up after <see cref="MaxAttempts"/> tries.
/// </summary>
/// <param name="InitialDelay">Wait before the first retry.</param>
/// <param name="MaxDelay">The longest wait between retries.</param>
/// <param name="MaxAttempts">Tries (opens) before giving up; null retries for ever.</param>
public sealed record ReconnectPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay, int? MaxAttempts)
{
    /// <summary>0.5 s doubling up to 30 s, for ever: what a camera feed in production wants.</summary>
    public static ReconnectPolicy Default { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30), null);

    /// <summary>The wait after failed try number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether another try is allowed after <paramref name="attempt"/> failed.</summary>
    public bool MayRetry(int attempt) => MaxAttempts is not { } max || attempt < max;
}
