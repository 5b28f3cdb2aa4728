namespace CityTwin.Twin.Plates;

/// <summary>Which letters and letter pairs may form the series that follows the province code.</summary>
internal static class PlateSeries
{
    /// <summary>
    /// Two-letter series with a fixed meaning: NG diplomatic, NN foreign residents, QT international
    /// organisations, CV consular staff, LD joint ventures and foreign firms, KT military-run
    /// enterprises, DA projects, MK tractors and machinery, HC restricted-area vehicles.
    /// TĐ (trial vehicles) is left out because keys are ASCII only.
    /// </summary>
    private static readonly HashSet<string> Special = ["NG", "NN", "QT", "CV", "LD", "KT", "DA", "MK", "HC"];

    /// <summary>
    /// Whether <paramref name="letter"/> is an ordinary series letter. I, J, O, Q and W are never
    /// issued (they read as 1, 0 and V/VV), and R is reserved for trailers on its own.
    /// </summary>
    public static bool IsNormalLetter(char letter) =>
        char.IsAsciiLetterUpper(letter) && "IJOQWR".IndexOf(letter) < 0;

    /// <summary>Whether <paramref name="letter"/> may stand alone as a series: a normal letter, or R for trailers.</summary>
    public static bool IsSingleLetterSeries(char letter) => IsNormalLetter(letter) || letter == 'R';

    /// <summary>Whether the pair is a special series such as NG or LD.</summary>
    public static bool IsSpecial(string series) => Special.Contains(series);

    /// <summary>Whether the pair may form a series: a special one, or two normal letters (50 cc motorbikes).</summary>
    public static bool IsTwoLetterSeries(string series) =>
        IsSpecial(series) || (series.Length == 2 && IsNormalLetter(series[0]) && IsNormalLetter(series[1]));
}
