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
    public async Task<IntakeResult> ReceiveAsync(byte[] file, string clinicId, string source, CancellationToken cancellationToken, string? requiredStudyUid = null)
    {
        var receivedAt = time.GetUtcNow();
        var limit = options.Value.MaxInstanceBytes;
        if (file.LongLength > limit)
            return new IntakeResult(IntakeResult.OutOfResources, $"instance of {file.LongLength} bytes exceeds the {limit}-byte limit", null, null);
        var parsed = DicomReader.ReadPart10(file, limit);
        if (parsed.Header is not { } header)
            return new IntakeResult(IntakeResult.CannotUnderstand, parsed.Error, null, null)
            {
                MetaSopClassUid = parsed.MetaSopClassUid,
                MetaSopInstanceUid = parsed.MetaSopInstanceUid,
            };
        if (!SopClasses.Storage.Contains(header.SopClassUid))
            return new IntakeResult(IntakeResult.SopClassNotSupported, $"SOP class {header.SopClassUid} is not accepted here (CR, DX and Secondary Capture are)", header, null);
        if (requiredStudyUid is not null && header.StudyInstanceUid != requiredStudyUid)
            return new IntakeResult(IntakeResult.StudyMismatch, $"the instance is of study {header.StudyInstanceUid}, not {requiredStudyUid}", header, null);
        if (!header.HasPixelData) return new IntakeResult(IntakeResult.CannotUnderstand, DicomReader.NoPixelData, header, null);
        if (TransferSyntax.Find(header.TransferSyntaxUid) is null)
            return new IntakeResult(IntakeResult.TransferSyntaxNotSupported, $"transfer syntax {header.TransferSyntaxUid} is not supported", header, null);
        var result = await store.StoreAsync(new IncomingInstance(clinicId, header, [file], source, receivedAt), cancellationToken);
        return result.Status switch
        {
            _ when result.Acknowledged => new IntakeResult(IntakeResult.Success, null, header, result.Instance),
            _ => new IntakeResult(IntakeResult.OutOfResources, result.Error, header, null) { Transient = true },
        };
    }
}
