using CityTwin.Testing;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>The shared data the receiving tests send: the real NIH chest X-ray (DX, implicit VR LE) and the DICOM folder.</summary>
public static class ChestXRay
{
    public const string SopInstanceUid = "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888";

    public static string? File => SharedData.File("data", "dicom", "nih_chest_xray_nccid", SopInstanceUid + ".dcm");

    public static string? DicomFolder => SharedData.Root is { } root && Directory.Exists(Path.Combine(root, "data", "dicom"))
        ? Path.Combine(root, "data", "dicom")
        : null;
}
