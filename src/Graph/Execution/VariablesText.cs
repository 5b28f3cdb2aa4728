using System.Collections;
using CityTwin.Twin.Common;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Finds a variable string the twin could not store (a NUL character or an unpaired surrogate, see
/// <see cref="StoredText"/>), so the request is refused with the variable's name instead of failing in PostgreSQL.
/// </summary>
internal static class VariablesText
{
    /// <summary>"$name: why" for the first unstorable string, or null when every string can be stored.</summary>
    public static string? FirstProblem(IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null) return null;
        foreach (var (name, value) in variables)
        {
            if (Problem(value) is { } problem) return $"${name}: {problem}";
        }
        return null;
    }

    private static string? Problem(object? value)
    {
        switch (value)
        {
            case string text:
                return StoredText.Problem(text);
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var (key, item) in map)
                {
                    if ((StoredText.Problem(key) ?? Problem(item)) is { } problem) return problem;
                }
                return null;
            case IEnumerable list:
                foreach (var item in list)
                {
                    if (Problem(item) is { } problem) return problem;
                }
                return null;
            default:
                return null;
        }
    }
}
