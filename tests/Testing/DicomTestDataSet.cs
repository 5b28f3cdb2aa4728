using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Testing;

/// <summary>Small hand-made data sets in implicit VR little endian, with a fresh SOP instance UID each.</summary>
public static class DicomTestDataSet
{
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    public static string NewUid() => "2.25." + new System.Numerics.BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true);

    /// <summary>A Secondary Capture data set with <paramref name="pixelBytes"/> of pixel data.</summary>
    /// <param name="declaredPixelBytes">The length the pixel data element claims; larger than the real bytes makes it truncated.</param>
    public static byte[] Create(string sopInstanceUid, int pixelBytes, int? declaredPixelBytes = null, string patientId = "PATIENT-1", string sopClass = SecondaryCapture)
    {
        var data = new MemoryStream();
        Text(data, 0x0008, 0x0016, sopClass, 0);
        Text(data, 0x0008, 0x0018, sopInstanceUid, 0);
        Text(data, 0x0008, 0x0060, "OT", (byte)' ');
        Text(data, 0x0010, 0x0020, patientId, (byte)' ');
        Text(data, 0x0020, 0x000D, sopInstanceUid + ".1", 0);
        Text(data, 0x0020, 0x000E, sopInstanceUid + ".2", 0);
        var pixels = new byte[pixelBytes];
        Random.Shared.NextBytes(pixels);
        Element(data, 0x7FE0, 0x0010, pixels, (uint)(declaredPixelBytes ?? pixelBytes));
        return data.ToArray();
    }

    private static void Text(Stream output, ushort group, ushort element, string value, byte pad)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        if (bytes.Length % 2 == 1) bytes = [.. bytes, pad];
        Element(output, group, element, bytes, (uint)bytes.Length);
    }

    private static void Element(Stream output, ushort group, ushort element, byte[] value, uint declaredLength)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], declaredLength);
        output.Write(header);
        output.Write(value);
    }
}
