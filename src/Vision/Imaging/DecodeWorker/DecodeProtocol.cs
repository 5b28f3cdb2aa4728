using System.Buffers.Binary;
using System.Text;

namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>
/// The wire format between the host's pool and a worker. A request is a 4-byte little-endian length and the file path
/// in UTF-8 (length 0 asks the worker to exit). A reply is a 4-byte length and a payload that starts with
/// <see cref="Magic"/>, then a status byte (0 decoded, 1 error text) and the fields of <see cref="DecodedFrame"/>.
/// The host treats anything else as garbage and replaces the worker.
/// </summary>
public static class DecodeProtocol
{
    /// <summary>First bytes of every reply payload: a worker that prints anything else is not speaking the protocol.</summary>
    public const uint Magic = 0x43_54_44_31; // "CTD1"

    /// <summary>
    /// Written once by a worker when it is ready (GDCM loaded), before any reply, so the host's per-request timeout
    /// never includes the worker's start-up.
    /// </summary>
    public const uint Ready = 0x43_54_52_31; // "CTR1"

    /// <summary>Largest image side decoded; radiography detectors stay well below it (about 4300 pixels).</summary>
    public const int MaxSide = 8192;

    /// <summary>Largest reply accepted: <see cref="MaxSide"/>² float pixels plus headers. Anything larger is garbage.</summary>
    public const int MaxReplyBytes = MaxSide * MaxSide * sizeof(float) + 4096;

    /// <summary>Largest path accepted in a request.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    public static void WriteReady(Stream stream)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Ready);
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>Waits for the worker's ready signal; false when it closed its output first or said something else.</summary>
    public static async Task<bool> ReadReadyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new byte[4];
        return await ReadExactlyAsync(stream, bytes, cancellationToken) && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == Ready;
    }

    public static async Task WriteRequestAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, bytes.Length);
        await stream.WriteAsync(header, cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads one request; null at end of input or on the exit request.</summary>
    public static string? ReadRequest(Stream stream)
    {
        var header = new byte[4];
        if (!ReadExactly(stream, header)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length <= 0 || length > MaxRequestBytes) return null;
        var bytes = new byte[length];
        return ReadExactly(stream, bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    public static void WriteReply(Stream stream, DecodeReply reply)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            if (reply.Frame is not { } frame)
            {
                writer.Write((byte)1);
                writer.Write(reply.Error ?? "unknown decoder error");
            }
            else
            {
                writer.Write((byte)0);
                writer.Write(frame.Rows);
                writer.Write(frame.Columns);
                writer.Write(frame.BitsAllocated);
                writer.Write(frame.BitsStored);
                writer.Write(frame.PixelRepresentation);
                writer.Write(frame.SamplesPerPixel);
                writer.Write(frame.PhotometricInterpretation);
                writer.Write(frame.NumberOfFrames);
                writer.Write(frame.RescaleSlope);
                writer.Write(frame.RescaleIntercept);
                WriteOptional(writer, frame.WindowCenter);
                WriteOptional(writer, frame.WindowWidth);
                writer.Write(frame.VoiLutFunction);
                writer.Write(frame.Pixels.Length);
                var pixelBytes = new byte[frame.Pixels.Length * sizeof(float)];
                Buffer.BlockCopy(frame.Pixels, 0, pixelBytes, 0, pixelBytes.Length);
                writer.Write(pixelBytes);
            }
        }
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, checked((int)payload.Length));
        stream.Write(header);
        stream.Write(payload.GetBuffer(), 0, (int)payload.Length);
        stream.Flush();
    }

    /// <summary>
    /// Reads one reply. Returns null at end of stream (the worker died); throws <see cref="InvalidDataException"/> when
    /// the bytes are not a well-formed reply.
    /// </summary>
    public static async Task<DecodeReply?> ReadReplyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (!await ReadExactlyAsync(stream, header, cancellationToken)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 5 || length > MaxReplyBytes) throw new InvalidDataException($"reply length {length} is out of range");
        var payload = new byte[length];
        if (!await ReadExactlyAsync(stream, payload, cancellationToken)) return null;
        return Parse(payload);
    }

    private static DecodeReply Parse(byte[] payload)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            if (reader.ReadUInt32() != Magic) throw new InvalidDataException("reply does not start with the protocol magic");
            var status = reader.ReadByte();
            if (status == 1) return DecodeReply.Fail(reader.ReadString());
            if (status != 0) throw new InvalidDataException($"unknown reply status {status}");
            var rows = reader.ReadInt32();
            var columns = reader.ReadInt32();
            var bitsAllocated = reader.ReadInt32();
            var bitsStored = reader.ReadInt32();
            var pixelRepresentation = reader.ReadInt32();
            var samples = reader.ReadInt32();
            var photometric = reader.ReadString();
            var frames = reader.ReadInt32();
            var slope = reader.ReadDouble();
            var intercept = reader.ReadDouble();
            var center = ReadOptional(reader);
            var width = ReadOptional(reader);
            var voiFunction = reader.ReadString();
            var count = reader.ReadInt32();
            if (rows is < 1 or > MaxSide || columns is < 1 or > MaxSide || count != rows * columns)
                throw new InvalidDataException($"reply claims {rows}x{columns} with {count} pixels");
            var pixelBytes = reader.ReadBytes(count * sizeof(float));
            if (pixelBytes.Length != count * sizeof(float) || reader.BaseStream.Position != payload.Length)
                throw new InvalidDataException("reply pixel data does not match its length");
            var pixels = new float[count];
            Buffer.BlockCopy(pixelBytes, 0, pixels, 0, pixelBytes.Length);
            return DecodeReply.Ok(new DecodedFrame
            {
                Rows = rows, Columns = columns, BitsAllocated = bitsAllocated, BitsStored = bitsStored,
                PixelRepresentation = pixelRepresentation, SamplesPerPixel = samples, PhotometricInterpretation = photometric,
                NumberOfFrames = frames, RescaleSlope = slope, RescaleIntercept = intercept, WindowCenter = center,
                WindowWidth = width, VoiLutFunction = voiFunction, Pixels = pixels,
            });
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("reply ends before its fields", e);
        }
    }

    private static void WriteOptional(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        writer.Write(value ?? 0);
    }

    private static double? ReadOptional(BinaryReader reader)
    {
        var has = reader.ReadBoolean();
        var value = reader.ReadDouble();
        return has ? value : null;
    }

    private static bool ReadExactly(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    private static async Task<bool> ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }
}
