using CityTwin.Twin.Clinics;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using CityTwin.Vision.Imaging.Dicom;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// The one place every receiver stores through: the content-addressed file, then the <c>imaging_instances</c> row; the
/// clinic's study count and the reader's queue follow off the acknowledgement path (<see cref="AfterStoreQueue"/>). What is written is the de-identified form (<see cref="StoredForm"/>):
/// no receiver ever puts a patient's name or id on disk. Only when the file and the row are committed does a receiver
/// acknowledge, so an acknowledged instance survives a crash. Within a clinic a SOP instance UID keeps its first
/// content; later copies are acknowledged but not stored.
/// </summary>
public sealed partial class ImagingStore(
    IDbContextFactory<TwinDbContext> database,
    ContentAddressedFiles files,
    PatientPseudonymiser pseudonymiser,
    AfterStoreQueue afterStore,
    IOptions<ImagingOptions> imaging,
    ILogger<ImagingStore> logger)
{
    public async Task<StoreResult> StoreAsync(IncomingInstance incoming, CancellationToken cancellationToken) =>
        (await StoreManyAsync([incoming], cancellationToken))[0];

    /// <summary>
    /// Stores instances of one clinic that arrived together (one STOW-RS request): one look-up of the known UIDs, the files
    /// written at once, then every new row in one transaction. The results are in the order of <paramref name="batch"/>.
    /// </summary>
    public async Task<IReadOnlyList<StoreResult>> StoreManyAsync(IReadOnlyList<IncomingInstance> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return [];
        var clinicId = batch[0].ClinicId;
        if (batch.Any(i => i.ClinicId != clinicId)) throw new ArgumentException("a batch holds instances of one clinic", nameof(batch));
        // The look-up of known UIDs goes to the database while this thread de-identifies and hashes: the two were the
        // largest serial steps of a STOW-RS request after the commit itself.
        var lookup = LookUpAsync(clinicId, [.. batch.Select(i => i.Header.SopInstanceUid).Distinct(StringComparer.Ordinal)], cancellationToken);
        var prepared = batch.Select(Prepare).ToList();
        var (known, failure) = await lookup;
        var results = new StoreResult?[batch.Count];
        var fresh = new List<(int Index, Pending Pending)>();
        var claimed = new Dictionary<string, (string Sha, string Source, int Index)>(StringComparer.Ordinal);
        var repeats = new List<(int Index, int First)>();
        for (var n = 0; n < batch.Count; n++)
        {
            if (prepared[n].Failure is { } refused) results[n] = refused;
            else if (failure is not null) results[n] = failure;
            else if (Classify(known.GetValueOrDefault(batch[n].Header.SopInstanceUid), batch[n].Header.SopInstanceUid, prepared[n].Pending!.Sha, batch[n].Source) is { } answered)
                results[n] = answered;
            else if (claimed.TryGetValue(batch[n].Header.SopInstanceUid, out var first))
            {
                // The same UID twice in one batch: the first copy is the one stored, as with a later request.
                results[n] = Classify((first.Sha, first.Source), batch[n].Header.SopInstanceUid, prepared[n].Pending!.Sha, batch[n].Source);
                repeats.Add((n, first.Index));
            }
            else
            {
                claimed[batch[n].Header.SopInstanceUid] = (prepared[n].Pending!.Sha, batch[n].Source, n);
                fresh.Add((n, prepared[n].Pending!));
            }
        }
        // The files are durable before any row names them, so an acknowledged instance survives a crash.
        var written = await Task.WhenAll(fresh.Select(f => WriteAsync(batch[f.Index], f.Pending, cancellationToken)));
        var rows = new List<(int Index, ImagingInstanceRow Row, ReceivedInstance Instance)>();
        for (var k = 0; k < fresh.Count; k++)
        {
            var (index, pending) = fresh[k];
            if (written[k] is { } writeFailure) results[index] = writeFailure;
            else rows.Add((index, RowOf(batch[index], pending), InstanceOf(batch[index], pending)));
        }
        foreach (var (index, result) in await InsertAsync(rows, cancellationToken)) results[index] = result;
        // A repeat is acknowledged only if its first copy was stored: nothing is acknowledged that is not stored.
        foreach (var (index, first) in repeats)
            if (!results[first]!.Acknowledged) results[index] = results[first];
        return [.. results.Select(r => r!)];
    }

    /// <summary>An instance de-identified and hashed, not yet written.</summary>
    private sealed record Pending(string Pseudonym, IReadOnlyList<ReadOnlyMemory<byte>> Part10, string Sha, long Size)
    {
        public string Path { get; set; } = "";
    }

    private (Pending? Pending, StoreResult? Failure) Prepare(IncomingInstance incoming)
    {
        var header = incoming.Header;
        var pseudonym = pseudonymiser.Pseudonymise(incoming.ClinicId, header.PatientId);
        try
        {
            var part10 = StoredForm.Deidentified(incoming.Part10, header.TransferSyntaxUid, pseudonym, imaging.Value.MaxInstanceBytes);
            var (sha, size) = ContentAddressedFiles.Hash(part10);
            return (new Pending(pseudonym, part10, sha, size), null);
        }
        catch (DicomParseException e)
        {
            LogDeidentifyFailed(logger, header.SopInstanceUid, e.Message);
            return (null, new StoreResult(StoreStatus.Failed, null, $"could not de-identify the instance: {e.Message}"));
        }
    }

    /// <summary>Writes the file; null when written, otherwise the failure to report.</summary>
    private async Task<StoreResult?> WriteAsync(IncomingInstance incoming, Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            pending.Path = await files.WriteAsync(pending.Sha, pending.Part10, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, e, incoming.Header.SopInstanceUid);
            return new StoreResult(StoreStatus.Failed, null, $"could not write the file: {e.Message}");
        }
    }

    private static ImagingInstanceRow RowOf(IncomingInstance incoming, Pending pending) => new()
    {
        SopInstanceUid = incoming.Header.SopInstanceUid,
        StudyInstanceUid = incoming.Header.StudyInstanceUid,
        SeriesInstanceUid = incoming.Header.SeriesInstanceUid,
        SopClassUid = incoming.Header.SopClassUid,
        TransferSyntaxUid = incoming.Header.TransferSyntaxUid,
        ClinicId = incoming.ClinicId,
        PseudonymisedPatientId = pending.Pseudonym,
        ReceivedAt = incoming.ReceivedAt,
        Source = incoming.Source,
        Sha256 = pending.Sha,
        SizeBytes = pending.Size,
        Outcome = nameof(InstanceOutcome.Stored),
    };

    private static ReceivedInstance InstanceOf(IncomingInstance incoming, Pending pending) =>
        new(incoming.ClinicId, incoming.Header.StudyInstanceUid, incoming.Header.SeriesInstanceUid, incoming.Header.SopInstanceUid,
            incoming.Header.SopClassUid, incoming.Header.TransferSyntaxUid, pending.Pseudonym, pending.Path, incoming.ReceivedAt);

    /// <summary>
    /// Inserts the rows in one transaction and hands each committed instance on. When another receiver stored one of the
    /// UIDs meanwhile, the whole transaction rolls back and each row is tried on its own, so one race costs a batch its
    /// speed, never its other instances.
    /// </summary>
    private async Task<IReadOnlyList<(int Index, StoreResult Result)>> InsertAsync(
        List<(int Index, ImagingInstanceRow Row, ReceivedInstance Instance)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        if (rows.Count > 1 && await InsertRowsAsync([.. rows.Select(r => r.Row)], cancellationToken) is null)
            return [.. rows.Select(r => (r.Index, Committed(r.Instance)))];
        var results = new List<(int, StoreResult)>();
        foreach (var (index, row, instance) in rows)
            results.Add((index, await InsertRowsAsync([row], cancellationToken) ?? Committed(instance)));
        return results;
    }

    /// <summary>The row is committed: the rest happens after the sender is answered.</summary>
    private StoreResult Committed(ReceivedInstance instance)
    {
        afterStore.Post(instance);
        return new StoreResult(StoreStatus.Stored, instance, null);
    }

    /// <summary>Inserts the rows in one transaction; null when inserted, otherwise the result to report for a single row.</summary>
    private async Task<StoreResult?> InsertRowsAsync(IReadOnlyList<ImagingInstanceRow> rows, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.CreateDbContextAsync(cancellationToken);
            context.AddRange(rows);
            await context.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two receivers stored the same UID at once; the other one committed first.
            var row = rows[0];
            return await FindExistingAsync(row.ClinicId, row.SopInstanceUid, row.Sha256, row.Source, cancellationToken)
                ?? new StoreResult(StoreStatus.Failed, null, "the instance's row vanished while it was being stored");
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogRowFailed(logger, e, rows[0].SopInstanceUid);
            return new StoreResult(StoreStatus.Failed, null, $"could not record the instance: {e.Message}");
        }
    }

    /// <summary>
    /// The answer for a UID this clinic already stored (or a failure when the lookup fails); null when it is new. UIDs are
    /// scoped per clinic: another clinic's instance with the same UID is neither seen nor touched, and the answer is the
    /// same whether or not one exists.
    /// </summary>
    private async Task<StoreResult?> FindExistingAsync(string clinicId, string sopInstanceUid, string sha, string source, CancellationToken cancellationToken)
    {
        var (known, failure) = await LookUpAsync(clinicId, [sopInstanceUid], cancellationToken);
        return failure ?? Classify(known.GetValueOrDefault(sopInstanceUid), sopInstanceUid, sha, source);
    }

    /// <summary>This clinic's rows for the UIDs (by UID), or the failure to report when the database cannot say.</summary>
    private async Task<(Dictionary<string, ImagingInstanceRow> Known, StoreResult? Failure)> LookUpAsync(
        string clinicId, string[] sopInstanceUids, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.CreateDbContextAsync(cancellationToken);
            var rows = await context.Set<ImagingInstanceRow>().AsNoTracking()
                .Where(r => r.ClinicId == clinicId && sopInstanceUids.Contains(r.SopInstanceUid))
                .ToListAsync(cancellationToken);
            return (rows.ToDictionary(r => r.SopInstanceUid, StringComparer.Ordinal), null);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogRowFailed(logger, e, sopInstanceUids[0]);
            return ([], new StoreResult(StoreStatus.Failed, null, $"could not look the instance up: {e.Message}"));
        }
    }

    private StoreResult? Classify(ImagingInstanceRow? existing, string sopInstanceUid, string sha, string source) =>
        existing is null ? null : Classify((existing.Sha256, existing.Source), sopInstanceUid, sha, source);

    private StoreResult Classify((string Sha, string Source) first, string sopInstanceUid, string sha, string source)
    {
        if (first.Sha == sha) return new StoreResult(StoreStatus.AlreadyStored, null, null);
        LogConflict(logger, sopInstanceUid, first.Source, source);
        return new StoreResult(StoreStatus.Conflict, null, $"SOP instance {sopInstanceUid} was already stored with other bytes; the first copy is kept");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} arrived again ({Source}) with other bytes than its stored copy ({FirstSource}); the first copy is kept")]
    private static partial void LogConflict(ILogger logger, string sopInstanceUid, string firstSource, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} could not be de-identified and was not stored: {Reason}")]
    private static partial void LogDeidentifyFailed(ILogger logger, string sopInstanceUid, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the file of instance {SopInstanceUid}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string sopInstanceUid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record instance {SopInstanceUid}")]
    private static partial void LogRowFailed(ILogger logger, Exception exception, string sopInstanceUid);
}
