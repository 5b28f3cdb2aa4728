using System.Buffers.Binary;
using System.Globalization;

namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>Decodes the first frame of a DICOM file with GDCM into stored grey values and its display attributes.</summary>
internal static class GdcmDecoder
{
    private static readonly string[] Monochrome = ["MONOCHROME1", "MONOCHROME2"];

    // YBR images carry luminance in their first channel, which is what a grey model reads.
    private static readonly string[] LuminanceFirst = ["YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT"];

    public static DecodeReply Decode(string path)
    {
        if (!File.Exists(path)) return DecodeReply.Fail($"file not found: {path}");
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(path);
        if (!reader.Read()) return DecodeReply.Fail("GDCM cannot read an image from it (not DICOM, no pixel data, or unreadable pixel data)");
        var image = reader.GetImage();
        var columns = (int)image.GetDimension(0);
        var rows = (int)image.GetDimension(1);
        var frames = image.GetNumberOfDimensions() >= 3 ? (int)image.GetDimension(2) : 1;
        if (rows is < 1 or > DecodeProtocol.MaxSide || columns is < 1 or > DecodeProtocol.MaxSide)
            return DecodeReply.Fail($"image size {columns}x{rows} is outside 1..{DecodeProtocol.MaxSide} pixels a side");
        var format = image.GetPixelFormat();
        var bitsAllocated = format.GetBitsAllocated();
        var bitsStored = format.GetBitsStored();
        var pixelRepresentation = format.GetPixelRepresentation();
        var samples = format.GetSamplesPerPixel();
        var photometric = (image.GetPhotometricInterpretation().GetString() ?? "").Trim();
        if (bitsAllocated is not (8 or 16 or 32))
            return DecodeReply.Fail($"unsupported Bits Allocated {bitsAllocated} (8, 16 or 32 are read)");
        if (bitsStored < 1 || bitsStored > bitsAllocated)
            return DecodeReply.Fail($"Bits Stored {bitsStored} does not fit Bits Allocated {bitsAllocated}");
        var isMono = Monochrome.Contains(photometric) && samples == 1;
        var isRgb = photometric == "RGB" && samples == 3;
        var isYbr = LuminanceFirst.Contains(photometric) && samples == 3;
        if (!isMono && !isRgb && !isYbr)
            return DecodeReply.Fail($"unsupported photometric interpretation {(photometric.Length == 0 ? "(none)" : photometric)} with {samples} samples per pixel");

        var length = image.GetBufferLength();
        var bytesPerSample = bitsAllocated / 8;
        var frameBytes = (long)rows * columns * samples * bytesPerSample;
        if (length < (uint)frameBytes) return DecodeReply.Fail($"pixel data holds {length} bytes, one frame needs {frameBytes}");
        var buffer = new byte[length];
        if (!image.GetBuffer(buffer)) return DecodeReply.Fail("GDCM could not decode the pixel data");

        var planar = samples == 3 && image.GetPlanarConfiguration() == 1;
        var pixels = new float[rows * columns];
        var plane = rows * columns;
        for (var i = 0; i < pixels.Length; i++)
        {
            if (samples == 1)
            {
                pixels[i] = Sample(buffer, i, bytesPerSample, bitsStored, pixelRepresentation);
                continue;
            }
            float Channel(int c) => Sample(buffer, planar ? c * plane + i : i * 3 + c, bytesPerSample, bitsStored, pixelRepresentation);
            pixels[i] = isYbr ? Channel(0) : 0.299f * Channel(0) + 0.587f * Channel(1) + 0.114f * Channel(2);
        }

        var text = new gdcm.StringFilter();
        text.SetFile(reader.GetFile());
        return DecodeReply.Ok(new DecodedFrame
        {
            Rows = rows,
            Columns = columns,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            PixelRepresentation = pixelRepresentation,
            SamplesPerPixel = samples,
            PhotometricInterpretation = photometric,
            NumberOfFrames = frames,
            RescaleSlope = image.GetSlope() is var slope && slope != 0 && double.IsFinite(slope) ? slope : 1,
            RescaleIntercept = image.GetIntercept() is var intercept && double.IsFinite(intercept) ? intercept : 0,
            WindowCenter = FirstNumber(text, 0x1050),
            WindowWidth = FirstNumber(text, 0x1051) is > 0 and var w ? w : null,
            VoiLutFunction = (Value(text, 0x1056) ?? "LINEAR").ToUpperInvariant() is { Length: > 0 } f ? f : "LINEAR",
            Pixels = pixels,
        });
    }

    /// <summary>One stored value: masked to Bits Stored (high bits may carry overlays) and sign-extended when signed.</summary>
    private static float Sample(byte[] buffer, int index, int bytesPerSample, int bitsStored, int pixelRepresentation)
    {
        var offset = index * bytesPerSample;
        long raw = bytesPerSample switch
        {
            1 => buffer[offset],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset)),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset)),
        };
        var mask = bitsStored >= 64 ? -1L : (1L << bitsStored) - 1;
        raw &= mask;
        if (pixelRepresentation == 1 && (raw & (1L << (bitsStored - 1))) != 0) raw -= 1L << bitsStored;
        return raw;
    }

    private static string? Value(gdcm.StringFilter text, ushort element)
    {
        var value = text.ToString(new gdcm.Tag(0x0028, element))?.Trim('\0', ' ');
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static double? FirstNumber(gdcm.StringFilter text, ushort element) =>
        Value(text, element)?.Split('\\')[0].Trim() is { Length: > 0 } first
        && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
}
