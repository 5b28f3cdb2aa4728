namespace CityTwin.Twin.Clinics.Forwarding;

/// <summary>
/// The <c>pacs_forwards</c> table: one row per thing to send to the clinic's PACS (a received image, or the structured
/// report of its AI reading) and where its sending stands. A row is <c>Forwarded</c> only once the PACS answered its
/// C-STORE with success; it survives restarts, so nothing is lost or acknowledged early.
/// </summary>
public sealed class PacsForwardRow
{
    public long Id { get; set; }

    public required string ClinicId { get; set; }

    public required string StudyInstanceUid { get; set; }

    /// <summary><c>image</c> or <c>report</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What it was made from: the image's SOP instance UID, or the <c>clinic_studies</c> id of the reading.</summary>
    public required string SourceId { get; set; }

    /// <summary>The SOP instance UID sent (the report's is known once it is built).</summary>
    public string? SopInstanceUid { get; set; }

    /// <summary><c>Pending</c>, <c>Retrying</c>, <c>Forwarded</c> or <c>DeadLetter</c>.</summary>
    public required string State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
