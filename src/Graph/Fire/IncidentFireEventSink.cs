using CityTwin.Twin.CameraEvents;
using CityTwin.Twin.Spatial.Located;
using CityTwin.Vision.Fire;

namespace CityTwin.Graph.Fire;

/// <summary>
/// Where the project's own smoke and fire detector sends what it confirmed: the same camera-event ingest that
/// on-board camera detections and <c>reportCameraEvents</c> use, so a detection on pixels is located, stored and
/// merged into an incident exactly like one a camera reports.
/// </summary>
public sealed partial class IncidentFireEventSink(ICameraEventIngest ingest, ILogger<IncidentFireEventSink> logger) : IFireEventSink
{
    /// <inheritdoc />
    public async ValueTask PublishAsync(ConfirmedFireEvent fireEvent, CancellationToken ct)
    {
        var kind = fireEvent.Kind == FireClass.Smoke ? CameraEventKind.Smoke : CameraEventKind.Fire;
        var box = fireEvent.Region;
        // One confirmation per camera, class and instant: a replayed source gives the same key and stays a duplicate.
        var key = $"own-{kind.ToString().ToLowerInvariant()}-{fireEvent.ObservedAt.ToUnixTimeMilliseconds()}";
        var result = await ingest.IngestAsync(
            [new CameraEvent(fireEvent.CameraId, kind, fireEvent.ObservedAt, fireEvent.Confidence, key,
                new ImageRegion(box.X, box.Y, box.Width, box.Height), null, fireEvent.SnapshotJpeg)], ct);
        foreach (var error in result.Errors)
            LogRefused(fireEvent.CameraId, kind, error.Code, error.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fire: the twin refused a {Kind} event of camera {CameraId}: {Code} {Message}")]
    private partial void LogRefused(string cameraId, CameraEventKind kind, string code, string message);
}
