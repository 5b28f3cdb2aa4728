namespace CityTwin.Vision.Plates.Tracking;

/// <summary>
/// Groups per-frame plate reads into tracks and hands back the tracks that ended: no new read for
/// <c>timeout</c> of the stream's time. Not thread-safe: one pipeline drives it.
/// </summary>
public sealed class PlateTracker(TimeSpan timeout) : IDisposable
{
    private readonly List<PlateTrack> _open = [];
    private readonly Dictionary<string, long> _ordinals = new(StringComparer.Ordinal);

    /// <summary>Tracks still open.</summary>
    public int OpenTracks => _open.Count;

    /// <summary>Adds a read to the track it continues (the most recent one that fits), or starts a track.</summary>
    public void Add(PlateObservation observation)
    {
        var track = _open.Where(t => t.Continues(observation, timeout)).MaxBy(t => t.LastSeen);
        if (track is not null)
        {
            track.Add(observation);
            return;
        }
        var ordinal = _ordinals.GetValueOrDefault(observation.CameraId);
        _ordinals[observation.CameraId] = ordinal + 1;
        _open.Add(new PlateTrack(observation.CameraId, ordinal, observation));
    }

    /// <summary>Removes and returns the tracks with no read since <paramref name="now"/> − timeout; the caller disposes them.</summary>
    public IReadOnlyList<PlateTrack> Expire(DateTimeOffset now)
    {
        var ended = _open.Where(t => now - t.LastSeen > timeout).ToList();
        foreach (var track in ended) _open.Remove(track);
        return ended;
    }

    /// <summary>Removes and returns every open track (end of stream); the caller disposes them.</summary>
    public IReadOnlyList<PlateTrack> Flush()
    {
        var all = _open.ToList();
        _open.Clear();
        return all;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var track in _open) track.Dispose();
        _open.Clear();
    }
}
