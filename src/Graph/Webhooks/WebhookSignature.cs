using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CityTwin.Graph.Webhooks;

/// <summary>
/// The signature of a market webhook request, the one definition the host and the replay command share:
/// <c>X-CityTwin-Signature: sha256=HEX</c>, the HMAC-SHA256 under the connector's secret of
/// <c>"{X-CityTwin-Timestamp}." + body</c>, where the timestamp is Unix seconds. Signing the timestamp with the body
/// means an old request cannot be sent again with a fresh time.
/// </summary>
public static class WebhookSignature
{
    public const string ConnectorHeader = "X-CityTwin-Connector";
    public const string TimestampHeader = "X-CityTwin-Timestamp";
    public const string SignatureHeader = "X-CityTwin-Signature";
    private const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var stamp = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/>, compared in constant time.</summary>
    public static bool Matches(string secret, long unixSeconds, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, unixSeconds, body));
        var given = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
