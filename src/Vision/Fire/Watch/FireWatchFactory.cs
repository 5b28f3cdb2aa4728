using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Fire.Watch;

/// <summary>Creates one <see cref="FireWatch"/> per camera, each with its own detector (detectors are not thread-safe).</summary>
public sealed class FireWatchFactory(SmokeFireDetectorFactory detectors, IExclusionMaskSource masks, IFireEventSink sink,
    IOptions<FireWatchOptions> options, FireMetrics metrics, ILoggerFactory loggers)
{
    /// <summary>A watch for one camera; a missing or malformed model is a <see cref="Model.FireModelException"/>.</summary>
    public FireWatch Create(string cameraId) =>
        new(cameraId, detectors.Create(), masks, sink, options.Value, metrics, loggers.CreateLogger<FireWatch>());
}
