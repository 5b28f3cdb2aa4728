namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// The cheap checks that tell a JPEG from anything else before it is stored and later served as <c>image/jpeg</c>:
/// the SOI marker first, the EOI marker last. Decoding it fully would cost more than the whole read.
/// </summary>
public static class JpegCrop
{
    /// <summary>Null when the bytes look like a JPEG within the size limit; otherwise why not.</summary>
    public static string? Problem(byte[] bytes)
    {
        if (bytes.Length > PlateReadLimits.MaxCropBytes)
            return $"the crop is {bytes.Length} bytes; at most {PlateReadLimits.MaxCropBytes} are accepted";
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF)
            return "the crop does not start with a JPEG SOI marker (FF D8 FF)";
        // Some encoders pad after EOI; accept a few trailing zero bytes, never arbitrary data.
        var end = bytes.Length;
        while (end > 2 && bytes[end - 1] == 0 && bytes.Length - end < 16) end--;
        if (bytes[end - 2] != 0xFF || bytes[end - 1] != 0xD9)
            return "the crop does not end with a JPEG EOI marker (FF D9); it is truncated or not a JPEG";
        return null;
    }

    /// <summary>The content address of a crop: lowercase hex SHA-256, so the same crop sent twice is stored once.</summary>
    public static string IdOf(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>True for a string that can be a crop id (64 lowercase hex digits); URLs are checked before any lookup.</summary>
    public static bool IsCropId(string? id) => id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
