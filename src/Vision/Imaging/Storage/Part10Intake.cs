using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Network;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// Checks and stores a whole Part 10 file for the receivers that get files rather than data sets (STOW-RS, the inbox):
/// size, header, SOP class and transfer syntax, the same rules the C-STORE SCP negotiates.
/// </summary>
public sealed class Part10Intake(ImagingStore store, IOptions<ImagingOptions> options, TimeProvider time)
{
    /// <summary>Stores <paramref name="file"/> for the clinic; with <paramref name="requiredStudyUid"/>, only an instance of that study.</summary>
    public async Task<IntakeResult> ReceiveAsync(byte[] file, string clinicId, string source, CancellationToken cancellationToken, string? requiredStudyUid = null) =>
        (await ReceiveManyAsync([file], clinicId, source, cancellationToken, requiredStudyUid))[0];

    /// <summary>
    /// Checks each file and stores those that pass in one batch (<see cref="ImagingStore.StoreManyAsync"/>: one
    /// transaction for all their rows). The results are in the order of <paramref name="files"/>.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> ReceiveManyAsync(IReadOnlyList<byte[]> files, string clinicId, string source,
        CancellationToken cancellationToken, string? requiredStudyUid = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var receivedAt = time.GetUtcNow();
        var results = new IntakeResult?[files.Count];
        var accepted = new List<(int Index, IncomingInstance Instance)>();
        for (var n = 0; n < files.Count; n++)
        {
            var (header, refusal) = Check(files[n], requiredStudyUid);
            if (refusal is not null) results[n] = refusal;
            else accepted.Add((n, new IncomingInstance(clinicId, header!, [files[n]], source, receivedAt)));
        }
        if (accepted.Count > 0)
        {
            var stored = await store.StoreManyAsync([.. accepted.Select(a => a.Instance)], cancellationToken);
            for (var k = 0; k < accepted.Count; k++)
            {
                var (index, instance) = accepted[k];
                results[index] = stored[k].Acknowledged
                    ? new IntakeResult(IntakeResult.Success, null, instance.Header, stored[k].Instance)
                    : new IntakeResult(IntakeResult.OutOfResources, stored[k].Error, instance.Header, null) { Transient = true };
            }
        }
        return [.. results.Select(r => r!)];
    }

    /// <summary>The file's header when it may be stored, otherwise the refusal to report.</summary>
    private (DicomHeader? Header, IntakeResult? Refusal) Check(byte[] file, string? requiredStudyUid)
    {
        var limit = options.Value.MaxInstanceBytes;
        if (file.LongLength > limit)
            return (null, new IntakeResult(IntakeResult.OutOfResources, $"instance of {file.LongLength} bytes exceeds the {limit}-byte limit", null, null));
        var parsed = DicomReader.ReadPart10(file, limit);
        if (parsed.Header is not { } header)
            return (null, new IntakeResult(IntakeResult.CannotUnderstand, parsed.Error, null, null)
            {
                MetaSopClassUid = parsed.MetaSopClassUid,
                MetaSopInstanceUid = parsed.MetaSopInstanceUid,
            });
        if (!SopClasses.Storage.Contains(header.SopClassUid))
            return (null, new IntakeResult(IntakeResult.SopClassNotSupported, $"SOP class {header.SopClassUid} is not accepted here (CR, DX and Secondary Capture are)", header, null));
        if (requiredStudyUid is not null && header.StudyInstanceUid != requiredStudyUid)
            return (null, new IntakeResult(IntakeResult.StudyMismatch, $"the instance is of study {header.StudyInstanceUid}, not {requiredStudyUid}", header, null));
        if (!header.HasPixelData) return (null, new IntakeResult(IntakeResult.CannotUnderstand, DicomReader.NoPixelData, header, null));
        if (TransferSyntax.Find(header.TransferSyntaxUid) is null)
            return (null, new IntakeResult(IntakeResult.TransferSyntaxNotSupported, $"transfer syntax {header.TransferSyntaxUid} is not supported", header, null));
        return (header, null);
    }
}
