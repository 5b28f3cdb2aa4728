using CityTwin.Twin.Plates;

namespace CityTwin.Vision.Plates;

/// <summary>
/// Turns OCR characters into a Vietnamese plate through the plate grammar. When the raw text does not parse, the
/// positions the grammar fixes are corrected once: the province code and the number are digits, the first series
/// character is a letter, so a letter read there becomes its look-alike digit (O→0, B→8, S→5...) and back.
/// </summary>
public static class PlateTextInterpreter
{
    private static readonly Dictionary<char, char> ToDigit = new()
    {
        ['O'] = '0', ['D'] = '0', ['Q'] = '0', ['U'] = '0', ['I'] = '1', ['L'] = '1', ['J'] = '1', ['Z'] = '2',
        ['A'] = '4', ['S'] = '5', ['G'] = '6', ['T'] = '7', ['B'] = '8',
    };

    private static readonly Dictionary<char, char> ToLetter = new()
    {
        ['0'] = 'D', ['8'] = 'B', ['5'] = 'S', ['2'] = 'Z', ['4'] = 'A', ['6'] = 'G', ['7'] = 'T', ['1'] = 'T',
    };

    /// <summary>The plate in <paramref name="text"/>, or null with the grammar's reason.</summary>
    public static PlateNumber? Interpret(string text, PlateLayout hint, out string? error)
    {
        var characters = string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        if (PlateNumber.TryParse(characters, hint, out var plate, out error)) return plate;
        var corrected = Correct(characters);
        if (corrected != characters && PlateNumber.TryParse(corrected, hint, out plate, out _))
        {
            error = null;
            return plate;
        }
        // A two-line plate's fourth character is usually the series digit (59-X1), rarely a letter (59-AA).
        if (hint == PlateLayout.TwoLine && corrected.Length > 3 && ToDigit.TryGetValue(corrected[3], out var seriesDigit))
        {
            var motorbike = string.Concat(corrected.AsSpan(0, 3), seriesDigit.ToString(), corrected.AsSpan(4));
            if (PlateNumber.TryParse(motorbike, hint, out plate, out _))
            {
                error = null;
                return plate;
            }
        }
        return null;
    }

    /// <summary><paramref name="characters"/> with the fixed-kind positions mapped to their look-alikes.</summary>
    public static string Correct(string characters)
    {
        var chars = characters.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // Position 3 is a letter or a digit (51LD, 59X1), so it is left as read.
            if (i is 0 or 1 or >= 4 && ToDigit.TryGetValue(chars[i], out var digit)) chars[i] = digit;
            else if (i == 2 && ToLetter.TryGetValue(chars[i], out var letter)) chars[i] = letter;
        }
        return new string(chars);
    }
}
