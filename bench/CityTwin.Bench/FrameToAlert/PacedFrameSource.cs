using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using CityTwin.Vision.Frames;

namespace CityTwin.Bench.FrameToAlert;

/// <summary>
/// Plays another source in real time, as a camera delivers frames: frame k is handed out when the wall clock reaches
/// its due time (start + its offset on the source's clock). Rendering happens before the wait, so it is not counted.
/// Each frame's due time is kept (Stopwatch ticks) so latency runs from when the camera would have sent the frame,
/// even when the pipeline is late (no coordinated omission).
/// </summary>
public sealed class PacedFrameSource(IFrameSource inner) : IFrameSource
{
    /// <summary>Due time of every frame handed out, by camera and frame time.</summary>
    public ConcurrentDictionary<(string Camera, DateTimeOffset Time), long> Due { get; } = new();

    /// <summary>Frames handed out after their due time had passed by more than one frame interval (the pipeline fell behind).</summary>
    public long LateFrames;

    public string Description => $"{inner.Description}, paced in real time";

    public async IAsyncEnumerable<VideoFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long? origin = null;
        DateTimeOffset first = default;
        await foreach (var frame in inner.ReadAsync(cancellationToken))
        {
            if (origin is null)
            {
                origin = Stopwatch.GetTimestamp();
                first = frame.Time;
            }
            var due = origin.Value + (long)((frame.Time - first).TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            else if (-wait > TimeSpan.FromMilliseconds(200)) Interlocked.Increment(ref LateFrames);
            Due[(frame.CameraId, frame.Time)] = due;
            yield return frame;
        }
    }
}
