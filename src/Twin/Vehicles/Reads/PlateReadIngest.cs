using CityTwin.Twin.Cameras;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles.Sightings;
using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// <see cref="IPlateReadIngest"/>: the whole batch is checked before anything is written, so a refused batch leaves
/// no trace. An accepted batch stores its crops, then records one <see cref="VehicleObservation"/> per plate on the
/// vehicle grains (the same path, group commit and watchlist matching as every other sighting). The detection id is
/// <c>cameraId:idempotencyKey</c>, so a replayed batch is reported as duplicates and records nothing twice.
/// </summary>
public sealed partial class PlateReadIngest(IGrainFactory grains, IPlateCropStore crops, TimeProvider clock, ILogger<PlateReadIngest> logger)
    : IPlateReadIngest
{
    /// <inheritdoc />
    public async Task<PlateReadBatchResult> IngestAsync(IReadOnlyList<PlateRead> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var cameras = await LoadCamerasAsync(reads);
        var errors = PlateReadValidator.Validate(reads, cameras, clock.GetUtcNow(), out var plates);
        if (errors.Count > 0)
        {
            LogRefused(logger, reads.Count, errors.Count, errors[0].Code);
            return new PlateReadBatchResult(0, 0, errors);
        }

        var sightings = new List<(PlateNumber Plate, SightingInput Sighting)>(reads.Count);
        var newCrops = new List<PlateCrop>();
        // The same detection twice in one batch: the first read wins and the others count as duplicates, so the
        // outcome does not depend on which vehicle grain writes first, and no other plate claims a stored row.
        var detections = new HashSet<string>(StringComparer.Ordinal);
        var repeated = 0;
        for (var i = 0; i < reads.Count; i++)
        {
            var read = reads[i];
            var plate = plates[i]!;
            var detectionId = $"{read.CameraId}:{read.IdempotencyKey}";
            if (!detections.Add(detectionId))
            {
                repeated++;
                continue;
            }
            string? cropId = null;
            if (read.CropJpeg is { } jpeg)
            {
                cropId = JpegCrop.IdOf(jpeg);
                newCrops.Add(new PlateCrop(cropId, jpeg, read.CameraId, plate.CanonicalKey));
            }
            sightings.Add((plate, new SightingInput(
                detectionId, read.CameraId, read.SeenAt, cameras[read.CameraId]!.Location,
                read.Confidence, plate.Display, cropId)));
        }
        // Crops first: an alert that names a crop must find it when an operator opens the URL.
        await crops.StoreAsync(newCrops, cancellationToken);

        var receipts = await Task.WhenAll(sightings
            .GroupBy(s => s.Plate.CanonicalKey, StringComparer.Ordinal)
            .Select(group => grains.GetGrain<IVehicleGrain>(group.Key).RecordSightingsAsync(
                new VehicleObservation(group.Select(s => s.Sighting).ToList(), KindOf(group.First().Plate.Layout)))));
        await ReportCamerasAsync(reads);
        return new PlateReadBatchResult(receipts.Sum(r => r.Recorded), receipts.Sum(r => r.Duplicates) + repeated, []);
    }

    private async Task<Dictionary<string, CameraState?>> LoadCamerasAsync(IReadOnlyList<PlateRead> reads)
    {
        var ids = reads.Where(r => r is not null).Select(r => r.CameraId)
            .Where(PlateReadValidator.IsPlausibleCameraId).Distinct(StringComparer.Ordinal).ToList();
        var states = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICameraGrain>(id).GetAsync()));
        return ids.Zip(states).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>
    /// A camera that delivers reads is alive: the camera grain notes it as it notes frames (stored at most once a
    /// minute). The reads are already stored by then, so a failure here is logged, not reported as a failed batch.
    /// </summary>
    private async Task ReportCamerasAsync(IReadOnlyList<PlateRead> reads)
    {
        var now = clock.GetUtcNow();
        var latest = reads.GroupBy(r => r.CameraId, StringComparer.Ordinal)
            .Select(g => (Camera: g.Key, At: g.Max(r => r.SeenAt) is var at && at > now ? now : g.Max(r => r.SeenAt)));
        try
        {
            await Task.WhenAll(latest.Select(c => grains.GetGrain<ICameraGrain>(c.Camera).ReportFrameAsync(c.At)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCameraReportFailed(logger, e);
        }
    }

    private static VehicleKind KindOf(PlateLayout layout) => layout switch
    {
        PlateLayout.OneLine => VehicleKind.Car,
        PlateLayout.TwoLine => VehicleKind.Motorbike,
        _ => VehicleKind.Unknown,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plate reads were stored, but marking their cameras alive failed")]
    private static partial void LogCameraReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a batch of {Reads} plate reads: {Errors} invalid, first {Code}")]
    private static partial void LogRefused(ILogger logger, int reads, int errors, string code);
}
