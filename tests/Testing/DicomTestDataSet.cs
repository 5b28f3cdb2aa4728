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

    /// <summary>
    /// A Secondary Capture data set carrying what a real export carries about a person: name, birth date, other ids,
    /// institution, physicians, a private block, and the characteristics (sex, age) that may be kept.
    /// </summary>
    public static byte[] CreateIdentified(string sopInstanceUid, int pixelBytes, IReadOnlyDictionary<string, string> identifying)
    {
        var data = new MemoryStream();
        Text(data, 0x0008, 0x0016, SecondaryCapture, 0);
        Text(data, 0x0008, 0x0018, sopInstanceUid, 0);
        Text(data, 0x0008, 0x0050, identifying["AccessionNumber"], (byte)' ');
        Text(data, 0x0008, 0x0060, "DX", (byte)' ');
        Text(data, 0x0008, 0x0080, identifying["InstitutionName"], (byte)' ');
        Text(data, 0x0008, 0x0090, identifying["ReferringPhysicianName"], (byte)' ');
        Text(data, 0x0009, 0x0010, "ACME PRIVATE", (byte)' ');
        Text(data, 0x0009, 0x1001, identifying["PrivateNote"], (byte)' ');
        Text(data, 0x0010, 0x0010, identifying["PatientName"], (byte)' ');
        Text(data, 0x0010, 0x0020, identifying["PatientID"], (byte)' ');
        Text(data, 0x0010, 0x0030, identifying["PatientBirthDate"], (byte)' ');
        Text(data, 0x0010, 0x0040, "F", (byte)' ');
        Text(data, 0x0010, 0x1000, identifying["OtherPatientIDs"], (byte)' ');
        Text(data, 0x0010, 0x1010, "034Y", (byte)' ');
        Text(data, 0x0010, 0x1040, identifying["PatientAddress"], (byte)' ');
        Text(data, 0x0020, 0x000D, sopInstanceUid + ".1", 0);
        Text(data, 0x0020, 0x000E, sopInstanceUid + ".2", 0);
        var pixels = new byte[pixelBytes];
        Random.Shared.NextBytes(pixels);
        Element(data, 0x7FE0, 0x0010, pixels, (uint)pixelBytes);
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
