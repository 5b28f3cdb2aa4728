using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Wraps a received data set as a DICOM Part 10 file: a zero preamble, "DICM", and File Meta Information (group 0002,
/// explicit VR little endian) naming its SOP class and instance, its transfer syntax and the AE that sent it.
/// </summary>
public static class Part10Writer
{
    /// <summary>Our implementation class UID: a UUID-derived OID (2.25), so it needs no registered root.</summary>
    public const string ImplementationClassUid = "2.25.151035942849048839816509630167505552851";

    public const string ImplementationVersionName = "CITYTWIN_1";

    /// <summary>The File Meta Information (preamble included) to write before the data set.</summary>
    public static byte[] Meta(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string sourceAeTitle)
    {
        var group = new MemoryStream();
        Element(group, 0x0001, "OB", [0x00, 0x01]);
        Element(group, 0x0002, "UI", Uid(sopClassUid));
        Element(group, 0x0003, "UI", Uid(sopInstanceUid));
        Element(group, 0x0010, "UI", Uid(transferSyntaxUid));
        Element(group, 0x0012, "UI", Uid(ImplementationClassUid));
        Element(group, 0x0013, "SH", Padded(ImplementationVersionName, (byte)' '));
        if (sourceAeTitle.Length > 0) Element(group, 0x0016, "AE", Padded(sourceAeTitle, (byte)' '));

        var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)group.Length);
        Element(file, 0x0000, "UL", length.ToArray());
        group.Position = 0;
        group.CopyTo(file);
        return file.ToArray();
    }

    private static void Element(Stream output, ushort element, string vr, byte[] value)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        Encoding.ASCII.GetBytes(vr, header[4..6]);
        if (vr == "OB")
        {
            header[6] = header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)value.Length);
            output.Write(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)value.Length);
            output.Write(header[..8]);
        }
        output.Write(value);
    }

    /// <summary>UIDs are padded to even length with a NUL (PS3.5 9.1).</summary>
    private static byte[] Uid(string uid) => Padded(uid, 0);

    private static byte[] Padded(string value, byte pad)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, pad];
    }
}
