namespace CityTwin.Twin.Plates;

/// <summary>The two-digit province codes that open every civil plate.</summary>
internal static class PlateProvinces
{
    // Codes run from 11 to 99. These eight are the gaps commonly listed as never (or no longer)
    // issued; refusing them catches OCR reads such as "46" that no real plate carries.
    private static readonly HashSet<int> Unassigned = [13, 42, 44, 45, 46, 87, 91, 96];

    /// <summary>Whether <paramref name="code"/> (two digits) is issued by some province.</summary>
    public static bool IsAssigned(ReadOnlySpan<char> code) =>
        TryValue(code, out var value) && value is >= 11 and <= 99 && !Unassigned.Contains(value);

    /// <summary>
    /// Whether <paramref name="code"/> belongs to Ho Chi Minh City: 41 and 50–59, as DESIGN.md
    /// defines it. Codes of the provinces merged into the city in 2025 (61, 72) are not counted.
    /// </summary>
    public static bool IsHoChiMinhCity(ReadOnlySpan<char> code) =>
        TryValue(code, out var value) && value is 41 or (>= 50 and <= 59);

    private static bool TryValue(ReadOnlySpan<char> code, out int value)
    {
        value = 0;
        if (code.Length != 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1])) return false;
        value = (code[0] - '0') * 10 + (code[1] - '0');
        return true;
    }
}
