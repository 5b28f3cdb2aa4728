using CityTwin.Graph.Auth;
using CityTwin.Twin.Plates;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// How a plate is shown to a caller: in clear to operators; to partners with the number hidden but its last two
/// digits (<c>59-X1 ***.45</c>), enough to tell two plates apart on a screen but not to identify the owner; to anyone
/// else not at all.
/// </summary>
public static class PlateMask
{
    /// <summary>A plate as people write it (<c>59-X1 123.45</c>), or any OCR text of one.</summary>
    public static string? Display(TwinPrincipal principal, string? plate) => principal.Role switch
    {
        _ when plate is null => null,
        TwinRole.Operator => plate,
        TwinRole.Partner => Mask(plate, key: false),
        _ => null,
    };

    /// <summary>
    /// A canonical key (<c>59X112345</c>), masked as <c>59X1***45</c> for partners. The mask is cut from the written
    /// plate: a key alone does not say where the series ends (<c>51K24680</c> reads as a car or a motorbike).
    /// </summary>
    public static string? Key(TwinPrincipal principal, string? plateKey, string displayPlate) => principal.Role switch
    {
        _ when plateKey is null => null,
        TwinRole.Operator => plateKey,
        TwinRole.Partner => Mask(displayPlate, key: true),
        _ => null,
    };

    private static string Mask(string text, bool key)
    {
        // Text that is not a plate (a misread) is hidden whole: its digits could still be a real plate's.
        if (!PlateNumber.TryParse(text, out var plate, out _)) return "***";
        var number = new string('*', plate.Number.Length - 2) + plate.Number[^2..];
        if (key) return plate.ProvinceCode + plate.Series + number;
        var written = number.Length == 5 ? $"{number[..3]}.{number[3..]}" : number;
        return plate.Layout == PlateLayout.TwoLine
            ? $"{plate.ProvinceCode}-{plate.Series} {written}"
            : $"{plate.ProvinceCode}{plate.Series}-{written}";
    }
}
