using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Vehicles.Reads;

namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// Checks a whole batch of camera events before anything is written, one error per bad event, so a refused batch
/// leaves no trace. A camera an operator set offline is <c>CAMERA_DISABLED</c>, as for plate reads.
/// </summary>
public static class CameraEventValidator
{
    public static List<CameraEventError> Validate(
        IReadOnlyList<CameraEvent?> events, IReadOnlyDictionary<string, CameraState?> cameras, DateTimeOffset now)
    {
        var errors = new List<CameraEventError>();
        if (events.Count is 0 or > CameraEventLimits.MaxBatch)
        {
            errors.Add(new CameraEventError(-1, CameraEventErrorCodes.BadBatch, $"a batch holds 1..{CameraEventLimits.MaxBatch} events, not {events.Count}"));
            return errors;
        }
        for (var i = 0; i < events.Count; i++)
            if (Problem(events[i], cameras, now) is { } problem)
                errors.Add(new CameraEventError(i, problem.Code, $"event {i}: {problem.Message}"));
        return errors;
    }

    /// <summary>A camera id worth looking up (storable, not absurdly long).</summary>
    public static bool IsPlausibleCameraId(string? cameraId) => PlateReadValidator.IsPlausibleCameraId(cameraId);

    private static (string Code, string Message)? Problem(CameraEvent? e, IReadOnlyDictionary<string, CameraState?> cameras, DateTimeOffset now)
    {
        if (e is null) return (CameraEventErrorCodes.BadBatch, "the event is null");
        if (!IsPlausibleCameraId(e.CameraId) || !cameras.TryGetValue(e.CameraId, out var camera) || camera is null)
            return (CameraEventErrorCodes.UnknownCamera, $"no camera is registered as '{Shorten(e.CameraId)}'");
        if (!camera.Online && camera.StatusChangedAt is { } since)
            return (CameraEventErrorCodes.CameraDisabled, $"camera {e.CameraId} was marked offline at {since:O}; its events are refused until it is back online");
        if (!Enum.IsDefined(e.Kind)) return (CameraEventErrorCodes.BadKind, $"unknown kind {e.Kind}");
        if (e.ObservedAt > now + TwinClock.AllowedSkew)
            return (CameraEventErrorCodes.FutureEvent, $"observedAt {e.ObservedAt:O} is in the future (now {now:O})");
        if (e.ObservedAt < now - CameraEventLimits.MaxAge)
            return (CameraEventErrorCodes.StaleEvent, $"observedAt {e.ObservedAt:O} is more than {CameraEventLimits.MaxAge.TotalHours} h old");
        if (!double.IsFinite(e.Confidence) || e.Confidence is < 0 or > 1)
            return (CameraEventErrorCodes.BadConfidence, $"confidence {e.Confidence} is outside 0..1");
        if (e.IdempotencyKey is not { Length: > 0 and <= CameraEventLimits.MaxIdempotencyKeyLength } key || !StoredText.IsStorable(key))
            return (CameraEventErrorCodes.BadIdempotencyKey, $"the idempotency key must be 1..{CameraEventLimits.MaxIdempotencyKeyLength} storable characters");
        if (e.Region is { } region && !region.IsValid)
            return (CameraEventErrorCodes.BadRegion, $"region ({region.X}, {region.Y}, {region.Width}, {region.Height}) is not a non-empty box inside the image (0..1)");
        if (e.BearingDeg is { } bearing && (!double.IsFinite(bearing) || bearing is < 0 or >= 360))
            return (CameraEventErrorCodes.BadBearing, $"bearing {bearing}° is outside 0..360");
        if (e.SnapshotJpeg is { } jpeg)
        {
            if (jpeg.Length > CameraEventLimits.MaxSnapshotBytes)
                return (CameraEventErrorCodes.SnapshotTooLarge, $"the snapshot is {jpeg.Length} bytes; at most {CameraEventLimits.MaxSnapshotBytes} are accepted");
            if (SnapshotJpeg.Problem(jpeg) is { } bad) return (CameraEventErrorCodes.BadSnapshot, bad);
        }
        return null;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 70 ? text : text[..67] + "...";
}
