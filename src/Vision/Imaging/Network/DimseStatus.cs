namespace CityTwin.Vision.Imaging.Network;

/// <summary>DIMSE status codes the SCP answers with (PS3.4 annex B.2.3, PS3.7 annex C).</summary>
public static class DimseStatus
{
    public const ushort Success = 0x0000;
    public const ushort SopClassNotSupported = 0x0122;
    public const ushort UnrecognizedOperation = 0x0211;
    /// <summary>Refused: out of resources (too large, or storage unavailable).</summary>
    public const ushort OutOfResources = 0xA700;
    /// <summary>Error: data set does not match SOP class.</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;
    /// <summary>Error: cannot understand (the data set could not be parsed).</summary>
    public const ushort CannotUnderstand = 0xC000;
}
