using System.Diagnostics.CodeAnalysis;

namespace CityTwin.Twin.Plates;

/// <summary>
/// A Vietnamese civil licence plate read from OCR or typed text. Only <see cref="Parse(string)"/> and
/// <see cref="TryParse(string?, out PlateNumber?, out string?)"/> create one, so every instance
/// follows the plate grammar. Match plates on <see cref="CanonicalKey"/>: the layout and the split
/// between series and number are readings of the same characters.
/// </summary>
public sealed record PlateNumber
{
    internal PlateNumber(string provinceCode, string series, string number, PlateLayout layout)
    {
        ProvinceCode = provinceCode;
        Series = series;
        Number = number;
        Layout = layout;
    }

    /// <summary>The two-digit province code, e.g. <c>59</c>.</summary>
    public string ProvinceCode { get; }

    /// <summary>The series after the province code: <c>G</c>, <c>LD</c>, <c>NG</c> on cars, <c>X1</c> or <c>AA</c> on motorbikes.</summary>
    public string Series { get; }

    /// <summary>The number after the series: 5 digits, or 4 on older plates.</summary>
    public string Number { get; }

    /// <summary>One line (cars) or two lines (motorbikes); never <see cref="PlateLayout.Unknown"/>.</summary>
    public PlateLayout Layout { get; }

    /// <summary>Uppercase characters without separators, e.g. <c>59X112345</c>: the key watchlists match on.</summary>
    public string CanonicalKey => ProvinceCode + Series + Number;

    /// <summary>
    /// The plate as people write it: <c>51G-123.45</c> or <c>51G-1234</c> for one line, and the two
    /// lines joined by a space for two, <c>59-X1 123.45</c> or <c>59-L1 2345</c>. Parsing it gives this plate back.
    /// </summary>
    public string Display
    {
        get
        {
            // Only five-digit numbers carry the dot; older four-digit ones are written plain.
            var number = Number.Length == 5 ? $"{Number[..3]}.{Number[3..]}" : Number;
            return Layout == PlateLayout.TwoLine
                ? $"{ProvinceCode}-{Series} {number}"
                : $"{ProvinceCode}{Series}-{number}";
        }
    }

    /// <summary>Whether the plate was issued in Ho Chi Minh City (province codes 41 and 50–59).</summary>
    public bool IsHoChiMinhCity => PlateProvinces.IsHoChiMinhCity(ProvinceCode);

    /// <summary>
    /// Reads <paramref name="text"/>: case-insensitive, with '-', '.', spaces and line breaks as
    /// separators. Where the text fits both a car and a motorbike reading (<c>59X11234</c>), the
    /// separators decide, and without them the motorbike reading wins.
    /// </summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when the text is not a plate.</returns>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out PlateNumber? plate, [NotNullWhen(false)] out string? error) =>
        TryParse(text, PlateLayout.Unknown, out plate, out error);

    /// <summary>
    /// Reads <paramref name="text"/> as <see cref="TryParse(string?, out PlateNumber?, out string?)"/> does,
    /// but where two readings fit, <paramref name="hint"/> (say, from the detector that saw one or two
    /// lines) picks one. A hint never makes a readable plate unreadable: where only one reading fits, it wins.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hint"/> is not a defined layout.</exception>
    /// <returns>False, with the reason in <paramref name="error"/>, when the text is not a plate.</returns>
    public static bool TryParse(
        string? text, PlateLayout hint, [NotNullWhen(true)] out PlateNumber? plate, [NotNullWhen(false)] out string? error)
    {
        if (!Enum.IsDefined(hint)) throw new ArgumentOutOfRangeException(nameof(hint), hint, "Not a plate layout.");
        plate = PlateGrammar.Parse(text, hint, out error);
        return plate is not null;
    }

    /// <summary>Reads <paramref name="text"/> or throws.</summary>
    /// <exception cref="FormatException">The text is not a plate; the message gives the reason.</exception>
    public static PlateNumber Parse(string text) => Parse(text, PlateLayout.Unknown);

    /// <summary>Reads <paramref name="text"/> with a layout hint or throws.</summary>
    /// <exception cref="FormatException">The text is not a plate; the message gives the reason.</exception>
    public static PlateNumber Parse(string text, PlateLayout hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, hint, out var plate, out var error) ? plate : throw new FormatException(error);
    }

    /// <summary>Returns <see cref="Display"/>.</summary>
    public override string ToString() => Display;
}
