using OpenCvSharp;

namespace CityTwin.Vision.Plates.Tracking;

/// <summary>The reads of one plate as it crosses one camera's view: same camera, near in time, overlapping or near boxes.</summary>
public sealed class PlateTrack : IDisposable
{
    private readonly List<PlateObservation> _observations = [];

    internal PlateTrack(string cameraId, long ordinal, PlateObservation first)
    {
        CameraId = cameraId;
        Ordinal = ordinal;
        FirstSeen = first.Time;
        Add(first);
    }

    /// <summary>The camera.</summary>
    public string CameraId { get; }

    /// <summary>The track's number among this camera's tracks, from 0.</summary>
    public long Ordinal { get; }

    /// <summary>Time of the first read.</summary>
    public DateTimeOffset FirstSeen { get; }

    /// <summary>Time of the latest read.</summary>
    public DateTimeOffset LastSeen { get; private set; }

    /// <summary>Box of the latest read.</summary>
    public Rect LastBox { get; private set; }

    /// <summary>The reads so far, oldest first.</summary>
    public IReadOnlyList<PlateObservation> Observations => _observations;

    internal void Add(PlateObservation observation)
    {
        _observations.Add(observation);
        LastSeen = observation.Time;
        LastBox = observation.Box;
    }

    /// <summary>Whether <paramref name="observation"/> continues this track: same camera, in time, overlapping or near the last box, or the same text.</summary>
    internal bool Continues(PlateObservation observation, TimeSpan timeout)
    {
        if (observation.CameraId != CameraId || observation.Time - LastSeen > timeout) return false;
        if (_observations.Any(o => o.Characters == observation.Characters)) return true;
        var box = observation.Box;
        var dx = (box.X + box.Width / 2.0) - (LastBox.X + LastBox.Width / 2.0);
        var dy = (box.Y + box.Height / 2.0) - (LastBox.Y + LastBox.Height / 2.0);
        // A vehicle moves a little between sampled frames: allow about one and a half plate widths.
        var reach = 1.5 * Math.Max(box.Width, LastBox.Width);
        return Detection.PlateDetection.Iou(box, LastBox) > 0.05 || dx * dx + dy * dy < reach * reach;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var observation in _observations) observation.Dispose();
        _observations.Clear();
    }
}
