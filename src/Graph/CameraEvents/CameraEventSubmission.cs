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
        ICameraEventIngest ingest, TwinPrincipal caller, IReadOnlyList<CameraEventInput?> inputs, CancellationToken cancellationToken,
        UploadedSnapshots? uploaded = null)
    {
        var events = new List<CameraEvent?>(inputs.Count);
        var errors = new List<CameraEventError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (converted, error) = Convert(caller, inputs[i], i, uploaded);
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

    private static (CameraEvent?, CameraEventError?) Convert(TwinPrincipal caller, CameraEventInput? input, int index, UploadedSnapshots? uploaded)
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
        var (snapshot, problem) = Snapshot(input, uploaded);
        if (problem is { } bad) return (null, Fail(bad.Code, bad.Message));
        return (new CameraEvent(cameraId, kind, observedAt, confidence, input.IdempotencyKey ?? "", region, input.BearingDeg, snapshot), null);
    }

    /// <summary>The event's snapshot from base64 or a multipart part, checked to decode as a JPEG; or why it cannot be used.</summary>
    private static (byte[]?, (string Code, string Message)?) Snapshot(CameraEventInput input, UploadedSnapshots? uploaded)
    {
        byte[] bytes;
        if (input.SnapshotJpegBase64 is { } base64)
        {
            if (input.SnapshotPart is not null)
                return (null, (CameraEventErrorCodes.BadSnapshot, "send the snapshot as snapshotJpegBase64 or as snapshotPart, not both"));
            if (base64.Length > MaxSnapshotBase64Length)
                return (null, (CameraEventErrorCodes.SnapshotTooLarge, $"the snapshot is larger than {CameraEventLimits.MaxSnapshotBytes} bytes"));
            try
            {
                bytes = System.Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                return (null, (CameraEventErrorCodes.BadSnapshot, "snapshotJpegBase64 is not valid base64"));
            }
        }
        else if (input.SnapshotPart is { } part)
        {
            if (uploaded is null)
                return (null, (CameraEventErrorCodes.BadSnapshot, "snapshotPart names a part of a multipart/form-data webhook request; this request has none"));
            if (uploaded.Oversized.Contains(part))
                return (null, (CameraEventErrorCodes.SnapshotTooLarge, $"the snapshot part '{Shorten(part)}' is larger than {CameraEventLimits.MaxSnapshotBytes} bytes"));
            if (!uploaded.Parts.TryGetValue(part, out var found))
                return (null, (CameraEventErrorCodes.BadSnapshot, $"the request has no part named '{Shorten(part)}'"));
            bytes = found;
        }
        else return (null, null);
        if (bytes.Length > CameraEventLimits.MaxSnapshotBytes)
            return (null, (CameraEventErrorCodes.SnapshotTooLarge, $"the snapshot is {bytes.Length} bytes; at most {CameraEventLimits.MaxSnapshotBytes} are accepted"));
        return SnapshotDecoding.Problem(bytes) is { } undecodable ? (null, (CameraEventErrorCodes.BadSnapshot, undecodable)) : (bytes, null);
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";
}
