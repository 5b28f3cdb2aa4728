using CityTwin.Twin.Plates;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// Plates as partners see them: the province and series stay (they say where a vehicle is registered), the number
/// keeps only its last two digits, e.g. <c>59-X1 ***.45</c>, <c>51G-***.45</c>, <c>59-L1 **45</c>, key <c>59X1***45</c>.
/// </summary>
public static class PlateMask
{
    /// <summary>A display plate (<c>59-X1 123.45</c>) masked; text that is not a plate keeps only its last two characters.</summary>
    public static string Display(string plate)
    {
        if (!PlateNumber.TryParse(plate, out var parsed, out _)) return Fallback(plate);
        var number = Number(parsed.Number);
        number = parsed.Number.Length == 5 ? $"{number[..3]}.{number[3..]}" : number;
        return parsed.Layout == PlateLayout.TwoLine
            ? $"{parsed.ProvinceCode}-{parsed.Series} {number}"
            : $"{parsed.ProvinceCode}{parsed.Series}-{number}";
    }

    /// <summary>A canonical plate key (<c>59X112345</c>) masked the same way (<c>59X1***45</c>).</summary>
    public static string Key(string plateKey) =>
        PlateNumber.TryParse(plateKey, out var parsed, out _)
            ? parsed.ProvinceCode + parsed.Series + Number(parsed.Number)
            : Fallback(plateKey);

    private static string Number(string digits) => new string('*', Math.Max(0, digits.Length - 2)) + digits[^Math.Min(2, digits.Length)..];

    private static string Fallback(string text) =>
        text.Length <= 2 ? new string('*', text.Length) : new string('*', text.Length - 2) + text[^2..];
}
