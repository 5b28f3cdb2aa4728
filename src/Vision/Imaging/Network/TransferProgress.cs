namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// Watches how fast a DIMSE message in progress arrives. Many small PDUs, each in time, would otherwise hold a slot for
/// ever: once a message has taken longer than the grace period it must average at least the minimum rate.
/// </summary>
internal sealed class TransferProgress(TimeProvider time, TimeSpan grace, int minBytesPerSecond)
{
    private long startedAt;
    private long bytes;

    /// <summary>A P-DATA-TF of <paramref name="length"/> bytes arrived.</summary>
    public void Received(int length)
    {
        if (bytes == 0) startedAt = time.GetTimestamp();
        bytes += length;
    }

    /// <summary>The message in progress is complete: the next one starts its own clock.</summary>
    public void MessageDone() => bytes = 0;

    public void ThrowIfTooSlow()
    {
        if (bytes == 0 || minBytesPerSecond <= 0) return;
        var elapsed = time.GetElapsedTime(startedAt);
        if (elapsed <= grace) return;
        var rate = bytes / elapsed.TotalSeconds;
        if (rate < minBytesPerSecond)
            throw new TimeoutException($"message arriving at {rate:0} bytes/s after {elapsed.TotalSeconds:0} s, below the {minBytesPerSecond} bytes/s minimum");
    }
}
