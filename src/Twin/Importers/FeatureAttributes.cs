using System.Globalization;
using System.Text;
using CityTwin.Twin.Common;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Reads attributes by a list of candidate names, because the same field is spelled differently across real
/// files (<c>Commune_ID</c> in the District 7 layer, <c>ma_xa</c> in Vietnamese exports, <c>code</c> in ours).
/// An option names the one field to use instead. Names match case-insensitively (dBASE upper-cases them).
/// </summary>
internal static class FeatureAttributes
{
    /// <summary>The first non-blank value among the fields, as NFC text; null when none has one.</summary>
    public static string? Text(ImportFeature feature, string? field, params string[] defaults)
    {
        foreach (var name in field is null ? defaults : [field])
        {
            if (feature.Attributes.TryGetValue(name, out var value) && Scalar(value) is { } text && !string.IsNullOrWhiteSpace(text))
                return text.Trim().Normalize(NormalizationForm.FormC);
        }
        return null;
    }

    /// <summary>Like <see cref="Text"/> but refuses the feature when no field has a value.</summary>
    public static string RequiredText(ImportFeature feature, string? field, params string[] defaults) =>
        Text(feature, field, defaults)
        ?? throw new TwinValidationException(field is null
            ? $"required attribute missing: one of {string.Join(", ", defaults)}"
            : $"required attribute missing: {field}");

    /// <summary>The first numeric value among the fields; a non-number is refused rather than read as missing.</summary>
    public static double? Number(ImportFeature feature, string? field, params string[] defaults)
    {
        foreach (var name in field is null ? defaults : [field])
        {
            if (!feature.Attributes.TryGetValue(name, out var value) || value is null) continue;
            double? number = value switch
            {
                double d => d,
                decimal m => (double)m,
                int or long or float or short => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => throw new TwinValidationException($"attribute {name} is not a number: '{value}'"),
            };
            if (number is { } n)
                return double.IsFinite(n) ? n : throw new TwinValidationException($"attribute {name} is not a finite number");
        }
        return null;
    }

    /// <summary>Refuses text longer than its column, instead of cutting it silently.</summary>
    public static string? Limit(string? text, int maxLength, string what) =>
        text is null || text.Length <= maxLength
            ? text
            : throw new TwinValidationException($"{what} is longer than {maxLength} characters");

    /// <summary>A value as text; integral numbers without a decimal part, so OBJECTID 83.0 and 83 are the same id.</summary>
    public static string? Scalar(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d when d == decimal.Truncate(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d when d == Math.Truncate(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
