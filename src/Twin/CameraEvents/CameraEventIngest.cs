using CityTwin.Twin.Cameras;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Incidents.Desk;
using CityTwin.Twin.Incidents.Snapshots;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial.Located;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// <see cref="ICameraEventIngest"/>. After the whole batch passes, each new event (replays and repeats in the batch are
/// duplicates: the first wins) has its snapshot stored, is put on the ground by <see cref="GroundLocator"/> from the
/// camera's pose, and is routed by its kind's <see cref="IIncidentDeskGrain"/>; the event rows are stored last, so a
/// batch that failed part way is safe to send again (an incident ignores a sighting it already holds).
/// </summary>
public sealed partial class CameraEventIngest(
    IGrainFactory grains, IIncidentSnapshotStore snapshots, IDbContextFactory<TwinDbContext> databases,
    TimeProvider clock, ILogger<CameraEventIngest> logger) : ICameraEventIngest
{
    public async Task<CameraEventBatchResult> IngestAsync(IReadOnlyList<CameraEvent?> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = events.Where(e => e is not null && CameraEventValidator.IsPlausibleCameraId(e.CameraId))
            .Select(e => e!.CameraId).Distinct(StringComparer.Ordinal).ToList();
        var states = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICameraGrain>(id).GetAsync()));
        var cameras = ids.Zip(states).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var errors = CameraEventValidator.Validate(events, cameras, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            CameraEventMetrics.Refuse(errors);
            LogRefused(logger, events.Count, errors.Count, errors[0].Code, errors[0].Message);
            return CameraEventBatchResult.Refused(errors);
        }

        var batch = events.Select(e => e!).ToList();
        var eventIds = batch.Select(e => e.EventId).Distinct(StringComparer.Ordinal).ToList();
        Dictionary<string, Guid> stored;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
            stored = await db.Set<CameraEventRow>().AsNoTracking().Where(r => eventIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.IncidentId, StringComparer.Ordinal, cancellationToken);

        var incidents = new Guid[batch.Count];
        var rows = new List<CameraEventRow>();
        var duplicates = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i];
            if (stored.TryGetValue(e.EventId, out var known))
            {
                incidents[i] = known;
                duplicates++;
                continue;
            }
            var snapshotId = e.SnapshotJpeg is { } jpeg ? await snapshots.StoreAsync(jpeg, cancellationToken) : null;
            var fix = GroundLocator.Locate(CameraSight.Of(cameras[e.CameraId]!), e.Region, e.BearingDeg);
            var sighting = new IncidentSighting(e.EventId, e.CameraId, e.ObservedAt, e.Confidence, fix, snapshotId);
            var routing = await grains.GetGrain<IIncidentDeskGrain>(e.Kind.ToIncidentKind().ToString())
                .RouteAsync(sighting, $"camera {e.CameraId}");
            incidents[i] = routing.IncidentId;
            stored[e.EventId] = routing.IncidentId;
            rows.Add(new CameraEventRow
            {
                Id = e.EventId, CameraId = e.CameraId, Kind = e.Kind, ObservedAt = e.ObservedAt, Confidence = e.Confidence,
                RegionX = e.Region?.X, RegionY = e.Region?.Y, RegionWidth = e.Region?.Width, RegionHeight = e.Region?.Height,
                BearingDeg = e.BearingDeg, SnapshotId = snapshotId, IncidentId = routing.IncidentId, ReceivedAt = clock.GetUtcNow(),
            });
        }
        if (rows.Count > 0)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }
        await ReportCamerasAsync(batch);
        CameraEventMetrics.Accepted(rows.Count, duplicates);
        return new CameraEventBatchResult(rows.Count, duplicates, [], incidents);
    }

    /// <summary>A camera that sends events is alive, as one that sends frames; a failure here is only logged.</summary>
    private async Task ReportCamerasAsync(IReadOnlyList<CameraEvent> batch)
    {
        var now = clock.GetUtcNow();
        try
        {
            await Task.WhenAll(batch.GroupBy(e => e.CameraId, StringComparer.Ordinal).Select(g =>
                grains.GetGrain<ICameraGrain>(g.Key).ReportFrameAsync(g.Max(e => e.ObservedAt) is var at && at > now ? now : g.Max(e => e.ObservedAt))));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCameraReportFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camera events were stored, but marking their cameras alive failed")]
    private static partial void LogCameraReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a batch of {Events} camera events: {Errors} invalid, first {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int events, int errors, string code, string reason);
}
