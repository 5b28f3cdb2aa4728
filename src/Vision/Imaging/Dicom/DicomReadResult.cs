namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>A parsed header, or the clear reason the input is not a readable DICOM instance.</summary>
public sealed record DicomReadResult(DicomHeader? Header, string? Error)
{
    public static DicomReadResult Ok(DicomHeader header) => new(header, null);

    public static DicomReadResult Fail(string error) => new(null, error);

    /// <summary>Whether <see cref="Header"/> is set.</summary>
    public bool Succeeded => Header is not null;
}
