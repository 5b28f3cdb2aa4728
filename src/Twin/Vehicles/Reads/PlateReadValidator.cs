using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// Checks each read of a batch on its own against the cameras it names, and collects every problem (not only the
/// first) so a sender fixes a whole batch in one round. A camera counts as disabled when an operator marked it
/// offline (<see cref="CameraState.StatusChangedAt"/> set, <see cref="CameraState.Online"/> false); a camera that has
/// never reported a status is accepted, and its first read brings it online.
/// </summary>
public static class PlateReadValidator
{
    /// <summary>The errors of the batch, in read order; empty when every read is valid.</summary>
    public static List<PlateReadError> Validate(
        IReadOnlyList<PlateRead> reads, IReadOnlyDictionary<string, CameraState?> cameras, DateTimeOffset now, out PlateNumber?[] plates)
    {
        plates = new PlateNumber?[reads.Count];
        var errors = new List<PlateReadError>();
        if (reads.Count is 0 or > PlateReadLimits.MaxBatch)
        {
            errors.Add(new PlateReadError(-1, PlateReadErrorCodes.BadBatch, $"a batch holds 1..{PlateReadLimits.MaxBatch} reads, not {reads.Count}"));
            return errors;
        }
        for (var i = 0; i < reads.Count; i++)
        {
            var read = reads[i];
            if (read is null)
            {
                errors.Add(new PlateReadError(i, PlateReadErrorCodes.BadBatch, "the read is null"));
                continue;
            }
            var problem = CameraProblem(read.CameraId, cameras)
                ?? TimeProblem(read.SeenAt, now)
                ?? PlateProblem(read.PlateText, out plates[i])
                ?? ConfidenceProblem(read.Confidence)
                ?? KeyProblem(read.IdempotencyKey)
                ?? CropProblem(read.CropJpeg);
            if (problem is { } p) errors.Add(new PlateReadError(i, p.Code, $"read {i}: {p.Message}"));
        }
        return errors;
    }

    /// <summary>Whether a camera id is worth looking up (grain keys of any length would be accepted by Orleans).</summary>
    public static bool IsPlausibleCameraId(string? cameraId) =>
        !string.IsNullOrWhiteSpace(cameraId) && cameraId.Length <= PlateReadLimits.MaxCameraIdLength && StoredText.IsStorable(cameraId);

    private static (string Code, string Message)? CameraProblem(string? cameraId, IReadOnlyDictionary<string, CameraState?> cameras)
    {
        if (StoredText.Problem(cameraId) is { } unstorable)
            return (PlateReadErrorCodes.UnknownCamera, $"the camera id {unstorable}");
        if (!IsPlausibleCameraId(cameraId) || !cameras.TryGetValue(cameraId!, out var camera) || camera is null)
            return (PlateReadErrorCodes.UnknownCamera, $"no camera is registered as '{Shorten(cameraId)}'");
        if (!camera.Online && camera.StatusChangedAt is { } since)
            return (PlateReadErrorCodes.CameraDisabled, $"camera {cameraId} was marked offline at {since:O}; its reads are refused until it is back online");
        return null;
    }

    private static (string, string)? TimeProblem(DateTimeOffset seenAt, DateTimeOffset now) =>
        seenAt > now + TwinClock.AllowedSkew
            ? (PlateReadErrorCodes.FutureRead, $"seenAt {seenAt:O} is in the future (now {now:O}, allowed skew {TwinClock.AllowedSkew.TotalSeconds:0} s)")
            : seenAt == default
                ? (PlateReadErrorCodes.FutureRead, "seenAt is missing")
                : seenAt < now - PlateReadLimits.MaxReadAge
                    ? (PlateReadErrorCodes.StaleRead, $"seenAt {seenAt:O} is more than {PlateReadLimits.MaxReadAge.TotalDays:0} days ago (now {now:O})")
                    : null;

    private static (string, string)? PlateProblem(string? text, out PlateNumber? plate)
    {
        plate = null;
        if (text is null || text.Length > 32) return (PlateReadErrorCodes.MalformedPlate, "the plate text is missing or longer than 32 characters");
        return PlateNumber.TryParse(text, out plate, out var error)
            ? null
            : (PlateReadErrorCodes.MalformedPlate, $"'{text}' is not a Vietnamese plate: {error}");
    }

    private static (string, string)? ConfidenceProblem(float confidence) =>
        float.IsFinite(confidence) && confidence is >= 0 and <= 1
            ? null
            : (PlateReadErrorCodes.BadConfidence, $"confidence {confidence} is outside 0..1");

    private static (string, string)? KeyProblem(string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > PlateReadLimits.MaxIdempotencyKeyLength
            ? (PlateReadErrorCodes.BadIdempotencyKey, $"the idempotency key must be 1..{PlateReadLimits.MaxIdempotencyKeyLength} characters")
            : StoredText.Problem(key) is { } unstorable
                ? (PlateReadErrorCodes.BadIdempotencyKey, $"the idempotency key {unstorable}")
                : null;

    private static (string, string)? CropProblem(byte[]? crop) =>
        crop is null ? null : JpegCrop.Problem(crop) is { } problem ? (PlateReadErrorCodes.BadCrop, problem) : null;

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 70 ? text : text[..67] + "...";
}
