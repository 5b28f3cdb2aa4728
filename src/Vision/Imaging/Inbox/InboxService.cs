using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Inbox;

/// <summary>
/// Watches the inbox folder: each settled file is stored for the configured clinic and moved to <c>done/</c>, or moved to
/// <c>rejected/</c> with a <c>.reason.txt</c>. File-system events trigger a scan; a periodic scan catches lost events.
/// A file that fails for a transient reason (database down) stays where it is for the next scan.
/// </summary>
public sealed partial class InboxService(
    IOptions<InboxOptions> options,
    IOptions<ImagingOptions> imaging,
    Part10Intake intake,
    ClinicDirectory clinics,
    ILogger<InboxService> logger) : BackgroundService
{
    public const string DoneFolder = "done";
    public const string RejectedFolder = "rejected";

    private readonly SemaphoreSlim wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Path)) return;
        if (string.IsNullOrWhiteSpace(settings.ClinicId))
        {
            LogNoClinic(logger, settings.Path);
            return;
        }
        var folder = StoragePaths.Resolve(settings.Path);
        Directory.CreateDirectory(Path.Combine(folder, DoneFolder));
        Directory.CreateDirectory(Path.Combine(folder, RejectedFolder));
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, EnableRaisingEvents = true };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        LogWatching(logger, folder, settings.ClinicId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var settling = false;
            try
            {
                settling = await ScanAsync(folder, settings, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScanFailed(logger, e, folder);
            }
            try
            {
                await wake.WaitAsync(settling ? settings.SettleTime : settings.ScanInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Takes every settled file once; true when some file was too fresh and needs another look soon.</summary>
    public async Task<bool> ScanAsync(string folder, InboxOptions settings, CancellationToken cancellationToken)
    {
        var files = new DirectoryInfo(folder).GetFiles().Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".part", StringComparison.Ordinal)).ToList();
        if (files.Count == 0) return false;
        if (!await clinics.ExistsAsync(settings.ClinicId!, cancellationToken))
        {
            LogUnknownClinic(logger, settings.ClinicId!);
            return false;
        }
        var settling = false;
        foreach (var file in files)
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc < settings.SettleTime)
            {
                settling = true;
                continue;
            }
            await TakeAsync(folder, file, settings.ClinicId!, cancellationToken);
        }
        return settling;
    }

    private async Task TakeAsync(string folder, FileInfo file, string clinicId, CancellationToken cancellationToken)
    {
        IntakeResult result;
        try
        {
            var limit = imaging.Value.MaxInstanceBytes;
            result = file.Length > limit
                ? new IntakeResult(IntakeResult.OutOfResources, $"file of {file.Length} bytes exceeds the {limit}-byte limit", null, null)
                : await intake.ReceiveAsync(await File.ReadAllBytesAsync(file.FullName, cancellationToken), clinicId, ReceiverSource.Inbox, cancellationToken);
        }
        catch (IOException)
        {
            return; // Still being written or locked by its writer: the next scan tries again.
        }
        if (result.Transient)
        {
            LogTransient(logger, file.Name, result.Reason);
            return;
        }
        if (result.Stored)
        {
            Move(file, Path.Combine(folder, DoneFolder));
            LogStored(logger, file.Name, result.Header!.SopInstanceUid);
            return;
        }
        var target = Move(file, Path.Combine(folder, RejectedFolder));
        await File.WriteAllTextAsync(target + ".reason.txt", $"status 0x{result.Status:X4}: {result.Reason}{Environment.NewLine}", cancellationToken);
        LogRejected(logger, file.Name, result.Status, result.Reason);
    }

    /// <summary>Moves without overwriting: a second file of the same name gets a numbered name.</summary>
    private static string Move(FileInfo file, string targetFolder)
    {
        var target = Path.Combine(targetFolder, file.Name);
        for (var n = 1; File.Exists(target); n++)
            target = Path.Combine(targetFolder, $"{Path.GetFileNameWithoutExtension(file.Name)}.{n}{Path.GetExtension(file.Name)}");
        file.MoveTo(target);
        return target;
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0) wake.Release();
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM inbox {Folder} watched for clinic {ClinicId}")]
    private static partial void LogWatching(ILogger logger, string folder, string clinicId);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM inbox {Folder} has no clinic configured (CityTwin:Imaging:Inbox:ClinicId); it is off")]
    private static partial void LogNoClinic(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM inbox clinic {ClinicId} does not exist (yet); files wait")]
    private static partial void LogUnknownClinic(ILogger logger, string clinicId);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM inbox scan of {Folder} failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM inbox stored {File} as {SopInstanceUid}")]
    private static partial void LogStored(ILogger logger, string file, string sopInstanceUid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM inbox rejected {File} with status 0x{Status:X4}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string file, ushort status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM inbox could not store {File} now, will retry: {Reason}")]
    private static partial void LogTransient(ILogger logger, string file, string? reason);
}
