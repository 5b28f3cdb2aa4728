using System.Collections.Concurrent;
using CityTwin.Testing;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Fire.Watch;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Tests.Fire.Watch;

/// <summary>A watch on the committed model with masks per camera and a sink that keeps what it is given.</summary>
public sealed class FireWatchRig : IDisposable
{
    public const string Camera = "tower-ttd-1";

    public FireWatchRig(FireWatchOptions? options = null, ISmokeFireDetector? detector = null)
    {
        Options = options ?? new FireWatchOptions();
        Watch = new FireWatch(Camera, detector ?? new OnnxSmokeFireDetector(OnnxSmokeFireDetector.DefaultHeadPath, FireBackbone.DefaultPath),
            Masks, Sink, Options, Metrics, LoggerFactory.Create(b => b.AddProvider(Log)).CreateLogger<FireWatch>());
    }

    public FireWatchOptions Options { get; }
    public FireWatch Watch { get; }
    public StaticMasks Masks { get; } = new();
    public RecordingSink Sink { get; } = new();
    public FireMetrics Metrics { get; } = new();
    public CapturedLog Log { get; } = new();

    public void Dispose()
    {
        Watch.Dispose();
        Metrics.Dispose();
    }

    /// <summary>Masks set by the test, per camera.</summary>
    public sealed class StaticMasks : IExclusionMaskSource
    {
        public List<IReadOnlyList<(double X, double Y)>> Polygons { get; } = [];
        public IReadOnlyList<IReadOnlyList<(double X, double Y)>> MasksFor(string cameraId) => cameraId == Camera ? Polygons : [];
    }

    /// <summary>The events the watch published, in order.</summary>
    public sealed class RecordingSink : IFireEventSink
    {
        public ConcurrentQueue<ConfirmedFireEvent> Events { get; } = new();
        public ValueTask PublishAsync(ConfirmedFireEvent fireEvent, CancellationToken ct)
        {
            Events.Enqueue(fireEvent);
            return ValueTask.CompletedTask;
        }
    }
}
