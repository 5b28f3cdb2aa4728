using CityTwin.Twin.Clinics;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using CityTwin.Vision.Imaging.Dicom;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// The one place every receiver stores through: the content-addressed file, then the <c>imaging_instances</c> row, then
/// the clinic's study count, then the reader's queue. What is written is the de-identified form (<see cref="StoredForm"/>):
/// no receiver ever puts a patient's name or id on disk. Only when the file and the row are committed does a receiver
/// acknowledge, so an acknowledged instance survives a crash. Within a clinic a SOP instance UID keeps its first
/// content; later copies are acknowledged but not stored.
/// </summary>
public sealed partial class ImagingStore(
    IDbContextFactory<TwinDbContext> database,
    ContentAddressedFiles files,
    PatientPseudonymiser pseudonymiser,
    IGrainFactory grains,
    IImagingReader reader,
    IOptions<ImagingOptions> imaging,
    ILogger<ImagingStore> logger)
{
    public async Task<StoreResult> StoreAsync(IncomingInstance incoming, CancellationToken cancellationToken)
    {
        var header = incoming.Header;
        // The look-up of a known UID goes to the database while this thread de-identifies and hashes: the two were the
        // largest serial steps of a STOW-RS request after the commit itself.
        var lookup = LookUpAsync(incoming.ClinicId, header.SopInstanceUid, cancellationToken);
        var pseudonym = pseudonymiser.Pseudonymise(incoming.ClinicId, header.PatientId);
        IReadOnlyList<ReadOnlyMemory<byte>> part10;
        try
        {
            part10 = StoredForm.Deidentified(incoming.Part10, header.TransferSyntaxUid, pseudonym, imaging.Value.MaxInstanceBytes);
        }
        catch (DicomParseException e)
        {
            await lookup;
            LogDeidentifyFailed(logger, header.SopInstanceUid, e.Message);
            return new StoreResult(StoreStatus.Failed, null, $"could not de-identify the instance: {e.Message}");
        }
        var (sha, size) = ContentAddressedFiles.Hash(part10);
        // A known UID is answered before anything is written, so a re-sent copy leaves no stray file behind.
        if (Classify(await lookup, header.SopInstanceUid, sha, incoming.Source) is { } known) return known;
        string path;
        try
        {
            path = await files.WriteAsync(sha, part10, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, e, header.SopInstanceUid);
            return new StoreResult(StoreStatus.Failed, null, $"could not write the file: {e.Message}");
        }

        var row = new ImagingInstanceRow
        {
            SopInstanceUid = header.SopInstanceUid,
            StudyInstanceUid = header.StudyInstanceUid,
            SeriesInstanceUid = header.SeriesInstanceUid,
            SopClassUid = header.SopClassUid,
            TransferSyntaxUid = header.TransferSyntaxUid,
            ClinicId = incoming.ClinicId,
            PseudonymisedPatientId = pseudonym,
            ReceivedAt = incoming.ReceivedAt,
            Source = incoming.Source,
            Sha256 = sha,
            SizeBytes = size,
            Outcome = nameof(InstanceOutcome.Stored),
        };
        var inserted = await InsertAsync(row, cancellationToken);
        if (inserted is not null) return inserted;

        var instance = new ReceivedInstance(incoming.ClinicId, header.StudyInstanceUid, header.SeriesInstanceUid, header.SopInstanceUid,
            header.SopClassUid, header.TransferSyntaxUid, pseudonym, path, incoming.ReceivedAt);
        await AfterCommitAsync(instance, cancellationToken);
        return new StoreResult(StoreStatus.Stored, instance, null);
    }

    /// <summary>Inserts the row; null when inserted, otherwise the result to report.</summary>
    private async Task<StoreResult?> InsertAsync(ImagingInstanceRow row, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.CreateDbContextAsync(cancellationToken);
            context.Add(row);
            await context.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two receivers stored the same UID at once; the other one committed first.
            return await FindExistingAsync(row.ClinicId, row.SopInstanceUid, row.Sha256, row.Source, cancellationToken)
                ?? new StoreResult(StoreStatus.Failed, null, "the instance's row vanished while it was being stored");
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogRowFailed(logger, e, row.SopInstanceUid);
            return new StoreResult(StoreStatus.Failed, null, $"could not record the instance: {e.Message}");
        }
    }

    /// <summary>
    /// The answer for a UID this clinic already stored (or a failure when the lookup fails); null when it is new. UIDs are
    /// scoped per clinic: another clinic's instance with the same UID is neither seen nor touched, and the answer is the
    /// same whether or not one exists.
    /// </summary>
    private async Task<StoreResult?> FindExistingAsync(string clinicId, string sopInstanceUid, string sha, string source, CancellationToken cancellationToken) =>
        Classify(await LookUpAsync(clinicId, sopInstanceUid, cancellationToken), sopInstanceUid, sha, source);

    /// <summary>This clinic's row for the UID (null when none), or the failure to report when the database cannot say.</summary>
    private async Task<(ImagingInstanceRow? Row, StoreResult? Failure)> LookUpAsync(string clinicId, string sopInstanceUid, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.CreateDbContextAsync(cancellationToken);
            var row = await context.Set<ImagingInstanceRow>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.ClinicId == clinicId && r.SopInstanceUid == sopInstanceUid, cancellationToken);
            return (row, null);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogRowFailed(logger, e, sopInstanceUid);
            return (null, new StoreResult(StoreStatus.Failed, null, $"could not look the instance up: {e.Message}"));
        }
    }

    private StoreResult? Classify((ImagingInstanceRow? Row, StoreResult? Failure) lookup, string sopInstanceUid, string sha, string source)
    {
        if (lookup.Failure is not null) return lookup.Failure;
        if (lookup.Row is not { } existing) return null;
        if (existing.Sha256 == sha) return new StoreResult(StoreStatus.AlreadyStored, null, null);
        LogConflict(logger, sopInstanceUid, existing.Source, source);
        return new StoreResult(StoreStatus.Conflict, null, $"SOP instance {sopInstanceUid} was already stored with other bytes; the first copy is kept");
    }

    /// <summary>The row is committed: failures from here on are logged, never turned into a refusal the sender would retry.</summary>
    private async Task AfterCommitAsync(ReceivedInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IClinicGrain>(instance.ClinicId).RecordStudyReceivedAsync(instance.StudyInstanceUid);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGrainFailed(logger, e, instance.ClinicId, instance.StudyInstanceUid);
        }
        try
        {
            await reader.EnqueueAsync(instance, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEnqueueFailed(logger, e, instance.SopInstanceUid);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} arrived again ({Source}) with other bytes than its stored copy ({FirstSource}); the first copy is kept")]
    private static partial void LogConflict(ILogger logger, string sopInstanceUid, string firstSource, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} could not be de-identified and was not stored: {Reason}")]
    private static partial void LogDeidentifyFailed(ILogger logger, string sopInstanceUid, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the file of instance {SopInstanceUid}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string sopInstanceUid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record instance {SopInstanceUid}")]
    private static partial void LogRowFailed(ILogger logger, Exception exception, string sopInstanceUid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored, but clinic {ClinicId} did not count study {StudyInstanceUid}")]
    private static partial void LogGrainFailed(ILogger logger, Exception exception, string clinicId, string studyInstanceUid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored, but instance {SopInstanceUid} could not be queued for reading")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string sopInstanceUid);
}
