namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>
/// The first frame of a decoded DICOM image and the attributes that preprocessing needs. <see cref="Pixels"/> holds
/// stored values (masked to Bits Stored, sign-extended for Pixel Representation 1), one grey value per pixel, row by
/// row: colour images arrive already converted to luminance so the reader has one pixel layout to handle.
/// </summary>
public sealed record DecodedFrame
{
    public required int Rows { get; init; }
    public required int Columns { get; init; }
    public required int BitsAllocated { get; init; }
    public required int BitsStored { get; init; }
    /// <summary>(0028,0103): 0 unsigned, 1 two's complement.</summary>
    public required int PixelRepresentation { get; init; }
    public required int SamplesPerPixel { get; init; }
    /// <summary>(0028,0004) as stored, e.g. MONOCHROME1, MONOCHROME2, RGB.</summary>
    public required string PhotometricInterpretation { get; init; }
    public required int NumberOfFrames { get; init; }
    /// <summary>(0028,1053); 1 when absent.</summary>
    public required double RescaleSlope { get; init; }
    /// <summary>(0028,1052); 0 when absent.</summary>
    public required double RescaleIntercept { get; init; }
    /// <summary>First value of (0028,1050), or null when absent.</summary>
    public double? WindowCenter { get; init; }
    /// <summary>First value of (0028,1051), or null when absent.</summary>
    public double? WindowWidth { get; init; }
    /// <summary>(0028,1056): LINEAR (the default), LINEAR_EXACT or SIGMOID.</summary>
    public string VoiLutFunction { get; init; } = "LINEAR";
    /// <summary>Rows × Columns stored values.</summary>
    public required float[] Pixels { get; init; }
}
