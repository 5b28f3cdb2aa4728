using System.Collections;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Estimates the JSON length of a variables object without serialising it, stopping as soon as the limit is passed,
/// so an oversized object costs no more than the limit to reject.
/// </summary>
internal static class VariablesSize
{
    public static bool Exceeds(IReadOnlyDictionary<string, object?>? variables, int limit)
    {
        if (variables is null) return false;
        var budget = limit;
        return !Fits(variables, ref budget);
    }

    private static bool Fits(object? value, ref int budget)
    {
        budget -= value switch
        {
            null or bool => 5,
            string text => text.Length + 2,
            IFormattable => 24,
            _ => 2,
        };
        if (budget < 0) return false;
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var (key, item) in map)
                {
                    budget -= key.Length + 4;
                    if (budget < 0 || !Fits(item, ref budget)) return false;
                }
                return true;
            case string:
                return true;
            case IEnumerable list:
                foreach (var item in list)
                {
                    budget -= 1;
                    if (budget < 0 || !Fits(item, ref budget)) return false;
                }
                return true;
            default:
                return true;
        }
    }
}
