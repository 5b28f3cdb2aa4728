namespace CityTwin.Twin.Plates;

/// <summary>
/// The civil plate grammar: two-digit province code, a series of one or two letters (or a letter
/// and a digit on motorbikes), then a number of 5 digits (4 on older plates).
/// </summary>
internal static class PlateGrammar
{
    /// <summary>Parses <paramref name="text"/>, or returns null and the reason it is refused.</summary>
    public static PlateNumber? Parse(string? text, PlateLayout hint, out string? error)
    {
        var read = PlateText.Read(text, out error);
        if (read is null) return null;

        var key = read.Key;
        if (key.Length < 2 || !char.IsAsciiDigit(key[0]) || !char.IsAsciiDigit(key[1]))
            return Fail($"Plate '{key}' must start with a two-digit province code.", out error);

        var province = key[..2];
        if (!PlateProvinces.IsAssigned(province))
            return Fail($"Unknown province code '{province}' in plate '{key}'.", out error);

        var letters = 0;
        while (2 + letters < key.Length && char.IsAsciiLetterUpper(key[2 + letters])) letters++;
        if (letters == 0)
            return Fail($"Bad series in plate '{key}': a letter must follow the province code.", out error);
        if (letters > 2)
            return Fail($"Bad series '{key.Substring(2, letters)}' in plate '{key}': a series has at most two letters.", out error);

        var digits = key[(2 + letters)..];
        if (digits.Any(char.IsAsciiLetter))
            return Fail($"Bad number '{digits}' in plate '{key}': only digits may follow the series letters.", out error);

        return letters == 2
            ? TwoLetterSeries(read, province, digits, hint, out error)
            : OneLetterSeries(read, province, digits, hint, out error);
    }

    private static PlateNumber? TwoLetterSeries(PlateText read, string province, string digits, PlateLayout hint, out string? error)
    {
        var series = read.Key.Substring(2, 2);
        if (!PlateSeries.IsTwoLetterSeries(series))
            return Fail($"Bad series '{series}' in plate '{read.Key}': a two-letter series is NG, NN, QT, CV, LD, KT, DA, MK, HC "
                + "or two letters other than I, J, O, Q, R and W.", out error);
        if (digits.Length is not (4 or 5)) return NumberLengthError(read.Key, series, digits.Length, out error);

        // Both layouts exist for two letters (50 cc motorbikes, cars), so the layout only follows
        // how the text was written: "59-AA 123.45" is motorbike style, "51LD-123.45" car style.
        var layout = hint != PlateLayout.Unknown ? hint
            : read.HasLineBreak || read.IsSplitBefore(2) ? PlateLayout.TwoLine
            : read.IsSplitBefore(4) || PlateSeries.IsSpecial(series) ? PlateLayout.OneLine
            : PlateLayout.TwoLine;
        error = null;
        return new PlateNumber(province, series, digits, layout);
    }

    private static PlateNumber? OneLetterSeries(PlateText read, string province, string digits, PlateLayout hint, out string? error)
    {
        var letter = read.Key[2];
        if (!PlateSeries.IsSingleLetterSeries(letter))
            return Fail($"Bad series '{letter}' in plate '{read.Key}': the letters I, J, O, Q and W are never issued.", out error);

        // Two readings may both fit: car "X" + 5 digits or motorbike "X1" + 4 digits (59X11234).
        // A trailer's R never takes a digit, so it only reads as a car series.
        var carFits = digits.Length is 4 or 5;
        var motorbikeFits = PlateSeries.IsNormalLetter(letter) && digits.Length is 5 or 6;
        if (!carFits && !motorbikeFits)
        {
            var asMotorbike = PlateSeries.IsNormalLetter(letter) && digits.Length > 6;
            return asMotorbike
                ? NumberLengthError(read.Key, $"{letter}{digits[0]}", digits.Length - 1, out error)
                : NumberLengthError(read.Key, letter.ToString(), digits.Length, out error);
        }

        var layout = !motorbikeFits ? PlateLayout.OneLine
            : !carFits ? PlateLayout.TwoLine
            : hint != PlateLayout.Unknown ? hint
            // A split right after the letter ("59X-112.34") and none after the next digit is car style;
            // anything else defaults to the motorbike, by far the common vehicle in the city.
            : read.IsSplitBefore(3) && !read.IsSplitBefore(4) ? PlateLayout.OneLine
            : PlateLayout.TwoLine;

        error = null;
        return layout == PlateLayout.OneLine
            ? new PlateNumber(province, letter.ToString(), digits, layout)
            : new PlateNumber(province, $"{letter}{digits[0]}", digits[1..], layout);
    }

    private static PlateNumber? NumberLengthError(string key, string series, int count, out string? error) =>
        Fail($"Bad number length in plate '{key}': {count} digits after series '{series}', expected 5 (or 4 on older plates).", out error);

    private static PlateNumber? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
