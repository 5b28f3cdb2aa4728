using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.Vehicles.Reads;

namespace CityTwin.Graph.PlateReads;

/// <summary>
/// What <c>recordPlateReads</c> and <c>POST /plates/reads</c> share: the caller's right to each camera, the decoding of
/// crops, then the twin's <see cref="IPlateReadIngest"/> (which checks everything else and applies all or nothing).
/// </summary>
public static class PlateReadSubmission
{
    /// <summary>Largest base64 text of a crop worth decoding: the size limit's encoding plus padding.</summary>
    private const int MaxCropBase64Length = (PlateReadLimits.MaxCropBytes + 2) / 3 * 4;

    /// <summary>
    /// Submits the reads for <paramref name="caller"/>. A read for a camera the caller may not submit for refuses the
    /// whole batch with <see cref="PlateReadErrorCodes.CameraNotAllowed"/>, as do missing fields and undecodable crops.
    /// </summary>
    public static async Task<PlateReadBatchResult> SubmitAsync(
        IPlateReadIngest ingest, TwinPrincipal caller, IReadOnlyList<PlateReadInput?> inputs, CancellationToken cancellationToken)
    {
        var reads = new List<PlateRead>(inputs.Count);
        var errors = new List<PlateReadError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (read, error) = Convert(caller, inputs[i], i);
            if (error is not null) errors.Add(error);
            else reads.Add(read!);
        }
        if (errors.Count > 0) return new PlateReadBatchResult(0, 0, errors);
        return await ingest.IngestAsync(reads, cancellationToken);
    }

    private static (PlateRead?, PlateReadError?) Convert(TwinPrincipal caller, PlateReadInput? input, int index)
    {
        if (input is null) return (null, new PlateReadError(index, PlateReadErrorCodes.BadBatch, $"read {index}: the read is null"));
        if (input.CameraId is not { Length: > 0 } cameraId)
            return (null, new PlateReadError(index, PlateReadErrorCodes.UnknownCamera, $"read {index}: cameraId is required"));
        if (!Access.CanSubmitReadsFor(caller, cameraId))
            return (null, new PlateReadError(index, PlateReadErrorCodes.CameraNotAllowed,
                $"read {index}: this key may not submit reads for camera '{Shorten(cameraId)}'"));
        if (input.SeenAt is not { } seenAt)
            return (null, new PlateReadError(index, PlateReadErrorCodes.FutureRead, $"read {index}: seenAt is required"));
        if (input.Confidence is not { } confidence)
            return (null, new PlateReadError(index, PlateReadErrorCodes.BadConfidence, $"read {index}: confidence is required"));
        byte[]? crop = null;
        if (input.CropJpegBase64 is { } base64)
        {
            if (base64.Length > MaxCropBase64Length)
                return (null, new PlateReadError(index, PlateReadErrorCodes.BadCrop,
                    $"read {index}: the crop is larger than {PlateReadLimits.MaxCropBytes} bytes"));
            try
            {
                crop = System.Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                return (null, new PlateReadError(index, PlateReadErrorCodes.BadCrop, $"read {index}: cropJpegBase64 is not valid base64"));
            }
        }
        // Plate text and idempotency key are checked by the ingest, which knows the grammar and the limits.
        return (new PlateRead(cameraId, seenAt, input.Plate!, (float)confidence, input.IdempotencyKey!, crop), null);
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";
}
