namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>A parsed header, or the clear reason the input is not a readable DICOM instance.</summary>
public sealed record DicomReadResult(DicomHeader? Header, string? Error)
{
    public static DicomReadResult Ok(DicomHeader header) => new(header, null);

    public static DicomReadResult Fail(string error) => new(null, error);

    /// <summary>When a Part 10 file fails after its File Meta was read: the SOP class the meta names, to report the refusal by.</summary>
    public string? MetaSopClassUid { get; init; }

    /// <summary>When a Part 10 file fails after its File Meta was read: the SOP instance the meta names.</summary>
    public string? MetaSopInstanceUid { get; init; }

    /// <summary>Whether <see cref="Header"/> is set.</summary>
    public bool Succeeded => Header is not null;
}
