namespace CityTwin.Graph.Auth.AccessPolicy;

/// <summary>
/// The one way a livestream buyer's contact is shown: to every role, operators included, only its last three digits
/// (<c>*******789</c>). The twin needs buyers only to tell orders apart; nobody needs to call them from the map.
/// </summary>
public static class BuyerMask
{
    public static string? Phone(TwinPrincipal principal, string? phone)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (string.IsNullOrEmpty(phone)) return null;
        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        return digits.Length < 3 ? "***" : new string('*', digits.Length - 3) + new string(digits[^3..]);
    }
}
