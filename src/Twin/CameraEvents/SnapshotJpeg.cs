namespace CityTwin.Twin.CameraEvents;

/// <summary>
/// The cheap checks that tell a JPEG from anything else before a snapshot is stored and served as <c>image/jpeg</c>:
/// SOI first, EOI last, and a start-of-frame marker with a plausible size in between (a truncated header fails).
/// </summary>
public static class SnapshotJpeg
{
    /// <summary>Null when the bytes look like a whole JPEG; otherwise why not.</summary>
    public static string? Problem(byte[] bytes)
    {
        if (bytes.Length < 16 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF)
            return "the snapshot does not start with a JPEG SOI marker (FF D8 FF)";
        var end = bytes.Length;
        while (end > 2 && bytes[end - 1] == 0 && bytes.Length - end < 16) end--;
        if (bytes[end - 2] != 0xFF || bytes[end - 1] != 0xD9)
            return "the snapshot does not end with a JPEG EOI marker (FF D9); it is truncated or not a JPEG";
        return FrameSize(bytes) is null ? "the snapshot has no JPEG frame header (SOFn) with a size" : null;
    }

    /// <summary>Width and height from the first SOFn segment, walking the marker segments from the start.</summary>
    public static (int Width, int Height)? FrameSize(byte[] bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF) return null;
            var marker = bytes[i + 1];
            if (marker == 0xFF) { i++; continue; }
            var length = (bytes[i + 2] << 8) | bytes[i + 3];
            if (length < 2) return null;
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = (bytes[i + 5] << 8) | bytes[i + 6];
                var width = (bytes[i + 7] << 8) | bytes[i + 8];
                return width > 0 && height > 0 ? (width, height) : null;
            }
            if (marker == 0xDA) return null;
            i += 2 + length;
        }
        return null;
    }
}
