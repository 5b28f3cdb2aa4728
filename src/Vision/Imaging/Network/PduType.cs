namespace CityTwin.Vision.Imaging.Network;

/// <summary>DICOM Upper Layer PDU types (PS3.8 section 9.3).</summary>
internal static class PduType
{
    public const byte AssociateRequest = 0x01;
    public const byte AssociateAccept = 0x02;
    public const byte AssociateReject = 0x03;
    public const byte Data = 0x04;
    public const byte ReleaseRequest = 0x05;
    public const byte ReleaseResponse = 0x06;
    public const byte Abort = 0x07;
}
