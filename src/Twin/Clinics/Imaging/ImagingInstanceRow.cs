namespace CityTwin.Twin.Clinics.Imaging;

/// <summary>
/// The <c>imaging_instances</c> table: one row per DICOM instance a clinic sent, written before the sender is told it is
/// stored. The file lives content-addressed on disk (<see cref="Sha256"/>). The raw patient id is never stored.
/// </summary>
public sealed class ImagingInstanceRow
{
    /// <summary>(0008,0018); unique within a clinic (the key is clinic and UID).</summary>
    public required string SopInstanceUid { get; set; }

    public required string StudyInstanceUid { get; set; }

    public required string SeriesInstanceUid { get; set; }

    public required string SopClassUid { get; set; }

    public required string TransferSyntaxUid { get; set; }

    public required string ClinicId { get; set; }

    /// <summary>HMAC-SHA256 of (0010,0020) under the deployment's secret, hex; stable per patient, irreversible.</summary>
    public required string PseudonymisedPatientId { get; set; }

    /// <summary>When the last byte arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Which receiver took it: <c>c-store</c>, <c>stow-rs</c> or <c>inbox</c>.</summary>
    public required string Source { get; set; }

    /// <summary>SHA-256 of the stored Part 10 file, hex; also its path under the storage root.</summary>
    public required string Sha256 { get; set; }

    public long SizeBytes { get; set; }

    /// <summary><c>Stored</c>, then <c>Read</c> or <c>Rejected</c> once the reader is done with it.</summary>
    public required string Outcome { get; set; }

    public string? RejectReason { get; set; }
}
