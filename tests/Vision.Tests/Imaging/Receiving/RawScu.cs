using CityTwin.Testing;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>
/// A minimal DICOM SCU over a raw socket, for what dcmtk will not do on purpose: stop mid-transfer, send a data set
/// that lies about its length or syntax. Context 1 is Secondary Capture in <see cref="StoreSyntax"/>, context 3 Verification.
/// </summary>
public sealed class RawScu : IAsyncDisposable
{
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";
    private const int FragmentBytes = 16 * 1024;

    private readonly TcpClient client = new();
    private NetworkStream stream = null!;
    private ushort messageId;

    public string StoreSyntax { get; private init; } = ImplicitLittleEndian;

    /// <summary>The type of the PDU that answered the A-ASSOCIATE-RQ (2 accepted, 3 rejected).</summary>
    public byte AssociateResult { get; private set; }

    /// <summary>Connects and negotiates; <paramref name="from"/> binds another loopback source address (127.0.0.2 ...).</summary>
    public static async Task<RawScu> ConnectAsync(int port, string storeSyntax = ImplicitLittleEndian, string calling = "STORESCU", string called = "CITYTWIN", System.Net.IPAddress? from = null)
    {
        var scu = new RawScu { StoreSyntax = storeSyntax };
        if (from is not null) scu.client.Client.Bind(new System.Net.IPEndPoint(from, 0));
        await scu.client.ConnectAsync("127.0.0.1", port);
        scu.stream = scu.client.GetStream();
        var body = new MemoryStream();
        body.Write([0x00, 0x01, 0x00, 0x00]);
        body.Write(Encoding.ASCII.GetBytes(called.PadRight(16)));
        body.Write(Encoding.ASCII.GetBytes(calling.PadRight(16)));
        body.Write(new byte[32]);
        Item(body, 0x10, Encoding.ASCII.GetBytes("1.2.840.10008.3.1.1.1"));
        Item(body, 0x20, Context(1, DicomTestDataSet.SecondaryCapture, storeSyntax));
        Item(body, 0x20, Context(3, "1.2.840.10008.1.1", ImplicitLittleEndian));
        var maxPdu = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(maxPdu, 16384);
        var user = new MemoryStream();
        Item(user, 0x51, maxPdu);
        Item(user, 0x52, Encoding.ASCII.GetBytes("2.25.1"));
        Item(body, 0x50, user.ToArray());
        await scu.SendPduAsync(0x01, body.ToArray());
        (scu.AssociateResult, scu.associateResponse) = await scu.ReadPduAsync();
        return scu;
    }

    private byte[] associateResponse = [];

    /// <summary>The body of the PDU that answered the A-ASSOCIATE-RQ (for an RJ: reserved, result, source, reason).</summary>
    public byte[] AssociateResponse => associateResponse;

    /// <summary>The result the A-ASSOCIATE-AC gave presentation context <paramref name="id"/> (0 accepted, 3 or 4 refused).</summary>
    public byte ContextResult(byte id)
    {
        for (var position = 68; position + 4 <= associateResponse.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(associateResponse.AsSpan(position + 2));
            if (associateResponse[position] == 0x21 && associateResponse[position + 4] == id) return associateResponse[position + 6];
            position += 4 + length;
        }
        throw new InvalidOperationException($"no answer for presentation context {id}");
    }

    /// <summary>Writes raw bytes, for PDUs no well-behaved peer sends.</summary>
    public async Task SendRawAsync(byte[] bytes) => await stream.WriteAsync(bytes);

    /// <summary>Sends a C-STORE-RQ for <paramref name="dataSet"/>; <paramref name="sendBytes"/> less than its length stops early.</summary>
    public async Task SendStoreAsync(string sopInstanceUid, byte[] dataSet, int? sendBytes = null)
    {
        await SendCommandAsync(1, Command(0x0001, DicomTestDataSet.SecondaryCapture, sopInstanceUid, hasDataSet: true));
        var total = sendBytes ?? dataSet.Length;
        for (var offset = 0; offset < total; offset += FragmentBytes)
        {
            var length = Math.Min(FragmentBytes, total - offset);
            var last = offset + length >= dataSet.Length;
            await SendPdvAsync(1, last ? (byte)0x02 : (byte)0x00, dataSet.AsMemory(offset, length));
        }
    }

    /// <summary>Sends one data set fragment in its own P-DATA-TF on context 1.</summary>
    public Task SendDataFragmentAsync(ReadOnlyMemory<byte> fragment, bool last) => SendPdvAsync(1, last ? (byte)0x02 : (byte)0x00, fragment);

    /// <summary>Stores and waits for the status of the C-STORE-RSP.</summary>
    public async Task<ushort> StoreAsync(string sopInstanceUid, byte[] dataSet)
    {
        await SendStoreAsync(sopInstanceUid, dataSet);
        return await ReadStatusAsync();
    }

    public async Task<ushort> EchoAsync()
    {
        await SendCommandAsync(3, Command(0x0030, "1.2.840.10008.1.1", null, hasDataSet: false));
        return await ReadStatusAsync();
    }

    public Task AbortAsync() => SendPduAsync(0x07, [0, 0, 0, 0]);

    public async Task ReleaseAsync()
    {
        await SendPduAsync(0x05, [0, 0, 0, 0]);
        await ReadPduAsync();
    }

    /// <summary>The status (0000,0900) of the next response command.</summary>
    public async Task<ushort> ReadStatusAsync()
    {
        var (type, body) = await ReadPduAsync();
        if (type != 0x04) throw new InvalidOperationException($"expected P-DATA-TF, got PDU type {type}");
        var command = body.AsSpan(6);
        for (var position = 0; position + 8 <= command.Length;)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(command[(position + 2)..]);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(command[(position + 4)..]);
            if (element == 0x0900) return BinaryPrimitives.ReadUInt16LittleEndian(command[(position + 8)..]);
            position += 8 + length;
        }
        throw new InvalidOperationException("response without status");
    }

    public async Task<(byte Type, byte[] Body)> ReadPduAsync()
    {
        var header = new byte[6];
        await stream.ReadExactlyAsync(header);
        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        await stream.ReadExactlyAsync(body);
        return (header[0], body);
    }

    private Task SendCommandAsync(byte context, byte[] command) => SendPdvAsync(context, 0x03, command);

    private async Task SendPdvAsync(byte context, byte control, ReadOnlyMemory<byte> fragment)
    {
        var body = new byte[6 + fragment.Length];
        BinaryPrimitives.WriteUInt32BigEndian(body, (uint)fragment.Length + 2);
        body[4] = context;
        body[5] = control;
        fragment.Span.CopyTo(body.AsSpan(6));
        await SendPduAsync(0x04, body);
    }

    private async Task SendPduAsync(byte type, byte[] body)
    {
        var header = new byte[6];
        header[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(2), (uint)body.Length);
        await stream.WriteAsync(header);
        await stream.WriteAsync(body);
    }

    private byte[] Command(ushort field, string sopClass, string? sopInstance, bool hasDataSet)
    {
        var elements = new MemoryStream();
        Element(elements, 0x0002, Padded(sopClass));
        Element(elements, 0x0100, UShort(field));
        Element(elements, 0x0110, UShort(++messageId));
        if (field == 0x0001) Element(elements, 0x0700, UShort(0));
        Element(elements, 0x0800, UShort(hasDataSet ? (ushort)0x0000 : (ushort)0x0101));
        if (sopInstance is not null) Element(elements, 0x1000, Padded(sopInstance));
        var command = new MemoryStream();
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)elements.Length);
        Element(command, 0x0000, length);
        elements.WriteTo(command);
        return command.ToArray();
    }

    private static byte[] Context(byte id, string abstractSyntax, string transferSyntax)
    {
        var value = new MemoryStream();
        value.Write([id, 0, 0, 0]);
        Item(value, 0x30, Encoding.ASCII.GetBytes(abstractSyntax));
        Item(value, 0x40, Encoding.ASCII.GetBytes(transferSyntax));
        return value.ToArray();
    }

    private static void Item(Stream output, byte type, byte[] value)
    {
        output.Write([type, 0, (byte)(value.Length >> 8), (byte)value.Length]);
        output.Write(value);
    }

    private static void Element(Stream output, ushort element, byte[] value)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)value.Length);
        output.Write(header);
        output.Write(value);
    }

    private static byte[] UShort(ushort value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] Padded(string uid)
    {
        var bytes = Encoding.ASCII.GetBytes(uid);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, 0];
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
