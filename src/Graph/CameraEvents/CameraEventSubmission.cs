using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.CameraEvents;
using CityTwin.Twin.Spatial.Located;

namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// What <c>reportCameraEvents</c> and <c>POST /camera-events</c> share: the caller's right to each camera, the
/// decoding of kinds, regions and snapshots, then the twin's <see cref="ICameraEventIngest"/> (all or nothing).
/// </summary>
public static class CameraEventSubmission
{
    /// <summary>Largest base64 text of a snapshot worth decoding: the size limit's encoding plus padding.</summary>
    private const int MaxSnapshotBase64Length = (CameraEventLimits.MaxSnapshotBytes + 2) / 3 * 4;

    public static async Task<CameraEventBatchResult> SubmitAsync(
        ICameraEventIngest ingest, TwinPrincipal caller, IReadOnlyList<CameraEventInput?> inputs, CancellationToken cancellationToken)
    {
        var events = new List<CameraEvent?>(inputs.Count);
        var errors = new List<CameraEventError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (converted, error) = Convert(caller, inputs[i], i);
            if (error is not null) errors.Add(error);
            events.Add(converted);
        }
        if (errors.Count > 0)
        {
            CameraEventMetrics.Refuse(errors);
            return CameraEventBatchResult.Refused(errors);
        }
        return await ingest.IngestAsync(events, cancellationToken);
    }

    /// <summary>True when the caller may report events for the camera: operators any, a camera key its own.</summary>
    public static bool MayReportFor(TwinPrincipal caller, string cameraId) =>
        Access.Allows(caller, Capability.SubmitCameraEvents)
        && (caller.Role != TwinRole.Camera || string.Equals(caller.CameraId, cameraId, StringComparison.Ordinal));

    private static (CameraEvent?, CameraEventError?) Convert(TwinPrincipal caller, CameraEventInput? input, int index)
    {
        CameraEventError Fail(string code, string message) => new(index, code, $"event {index}: {message}");
        if (input is null) return (null, Fail(CameraEventErrorCodes.BadBatch, "the event is null"));
        if (input.CameraId is not { Length: > 0 } cameraId) return (null, Fail(CameraEventErrorCodes.UnknownCamera, "cameraId is required"));
        if (!MayReportFor(caller, cameraId))
            return (null, Fail(CameraEventErrorCodes.CameraNotAllowed, $"this key may not report events for camera '{Shorten(cameraId)}'"));
        if (input.Kind is null || !Enum.TryParse<CameraEventKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            || int.TryParse(input.Kind, out _))
            return (null, Fail(CameraEventErrorCodes.BadKind, "kind must be smoke, fire, dumping, jam or accident"));
        if (input.ObservedAt is not { } observedAt) return (null, Fail(CameraEventErrorCodes.FutureEvent, "observedAt is required"));
        if (input.Confidence is not { } confidence) return (null, Fail(CameraEventErrorCodes.BadConfidence, "confidence is required"));
        ImageRegion? region = null;
        if (input.Region is { } r)
        {
            if (r.X is not { } x || r.Y is not { } y || r.Width is not { } w || r.Height is not { } h)
                return (null, Fail(CameraEventErrorCodes.BadRegion, "a region needs x, y, width and height"));
            region = new ImageRegion(x, y, w, h);
        }
        byte[]? snapshot = null;
        if (input.SnapshotJpegBase64 is { } base64)
        {
            if (base64.Length > MaxSnapshotBase64Length)
                return (null, Fail(CameraEventErrorCodes.SnapshotTooLarge, $"the snapshot is larger than {CameraEventLimits.MaxSnapshotBytes} bytes"));
            try
            {
                snapshot = System.Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                return (null, Fail(CameraEventErrorCodes.BadSnapshot, "snapshotJpegBase64 is not valid base64"));
            }
        }
        return (new CameraEvent(cameraId, kind, observedAt, confidence, input.IdempotencyKey ?? "", region, input.BearingDeg, snapshot), null);
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";
}
