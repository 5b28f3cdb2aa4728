using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// Runs <see cref="PlateCropRetention"/> every <see cref="PlateCropRetentionOptions.CropRetentionInterval"/>, first
/// shortly after start. A failed run (database down) is logged and tried again at the next interval.
/// </summary>
public sealed partial class PlateCropRetentionService(
    PlateCropRetention retention, IOptions<PlateCropRetentionOptions> options, TimeProvider clock, ILogger<PlateCropRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.CropRetention <= TimeSpan.Zero) return;
        var interval = settings.CropRetentionInterval > TimeSpan.Zero ? settings.CropRetentionInterval : TimeSpan.FromHours(1);
        try
        {
            // The schema is migrated by an earlier hosted service; a short delay keeps this out of start-up's way.
            await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            using var timer = new PeriodicTimer(interval, clock);
            do
            {
                await RunOnceAsync(settings.CropRetention, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(TimeSpan keep, CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await retention.DeleteStoredBeforeAsync(clock.GetUtcNow() - keep, stoppingToken);
            if (deleted > 0) LogDeleted(logger, deleted, keep.TotalDays);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e.GetBaseException().Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crop retention: deleted {Count} plate crops older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crop retention failed; trying again at the next interval ({Reason})")]
    private static partial void LogFailed(ILogger logger, string reason);
}
