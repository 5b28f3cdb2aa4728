using CityTwin.Twin.Plates;

namespace CityTwin.Graph.Auth.AccessPolicy;

/// <summary>
/// The one way a plate is shown to a caller, used by queries and subscriptions alike: in clear with
/// <see cref="Capability.SeePlates"/>; with <see cref="Capability.SeeMaskedPlates"/> the province and series stay and the
/// number keeps its last two digits (<c>59-X1 ***.45</c>, <c>51G-***.45</c>, <c>59-L1 **45</c>, key <c>59X1***45</c>);
/// to anyone else not at all. Text that is not a plate (a misread) is hidden whole: its digits could be a real plate's.
/// </summary>
public static class PlateMask
{
    /// <summary>What a fully hidden plate looks like.</summary>
    public const string Hidden = "***";

    /// <summary>A plate as people write it (<c>59-X1 123.45</c>) or any OCR text of one, as the caller may see it.</summary>
    public static string? Display(TwinPrincipal principal, string? plate) =>
        plate is null ? null
        : Access.Allows(principal, Capability.SeePlates) ? plate
        : Access.Allows(principal, Capability.SeeMaskedPlates) ? MaskDisplay(plate)
        : null;

    /// <summary>
    /// A canonical key (<c>59X112345</c>) as the caller may see it. The mask is cut from the written plate when there is
    /// one: a key alone does not say where the series ends (<c>51K24680</c> reads as a car or a motorbike).
    /// </summary>
    public static string? Key(TwinPrincipal principal, string? plateKey, string? displayPlate = null) =>
        plateKey is null ? null
        : Access.Allows(principal, Capability.SeePlates) ? plateKey
        : Access.Allows(principal, Capability.SeeMaskedPlates) ? MaskKey(displayPlate ?? plateKey)
        : null;

    /// <summary>
    /// Text that may carry a plate, such as a detection id (<c>camera:idempotency-key</c>, where a camera may have
    /// put the plate in its key): in clear with <see cref="Capability.SeePlates"/>, else null.
    /// </summary>
    public static string? Opaque(TwinPrincipal principal, string? text) =>
        Access.Allows(principal, Capability.SeePlates) ? text : null;

    /// <summary>A written plate masked (<c>59-X1 ***.45</c>); a misread is <see cref="Hidden"/>.</summary>
    public static string MaskDisplay(string plate)
    {
        if (!PlateNumber.TryParse(plate, out var parsed, out _)) return Hidden;
        var number = MaskNumber(parsed.Number);
        var written = number.Length == 5 ? $"{number[..3]}.{number[3..]}" : number;
        return parsed.Layout == PlateLayout.TwoLine
            ? $"{parsed.ProvinceCode}-{parsed.Series} {written}"
            : $"{parsed.ProvinceCode}{parsed.Series}-{written}";
    }

    /// <summary>A plate (written or canonical) masked as a key (<c>59X1***45</c>); a misread is <see cref="Hidden"/>.</summary>
    public static string MaskKey(string plate) =>
        PlateNumber.TryParse(plate, out var parsed, out _) ? parsed.ProvinceCode + parsed.Series + MaskNumber(parsed.Number) : Hidden;

    private static string MaskNumber(string digits) => new string('*', Math.Max(0, digits.Length - 2)) + digits[^Math.Min(2, digits.Length)..];
}
