using CityTwin.Testing;
using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>Small Part 10 files on disk for dcmtk's storescu, made from <see cref="DicomTestDataSet"/>.</summary>
public static class TestPart10
{
    /// <summary>Writes a fresh Secondary Capture instance (implicit VR LE) to a temp file; returns its path and UID.</summary>
    public static (string Path, string Uid) Write(int pixelBytes = 4096)
    {
        var uid = DicomTestDataSet.NewUid();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"citytwin-test-{uid}.dcm");
        File.WriteAllBytes(path, [.. Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, RawScu.ImplicitLittleEndian, "TEST"), .. DicomTestDataSet.Create(uid, pixelBytes)]);
        return (path, uid);
    }
}
