namespace CityTwin.Graph.Execution;

/// <summary>
/// Measures how deeply a GraphQL document nests <c>{ [ (</c> without parsing it: one pass over the text that skips
/// strings, block strings and comments. It lets the runner refuse a document nested hundreds of levels deep before
/// the recursive parser sees it.
/// </summary>
internal static class DocumentNesting
{
    /// <summary>The deepest nesting of the text, or a number past <paramref name="limit"/> as soon as it is passed.</summary>
    public static int Measure(string document, int limit)
    {
        var depth = 0;
        var deepest = 0;
        for (var i = 0; i < document.Length; i++)
        {
            switch (document[i])
            {
                case '#':
                    while (i < document.Length && document[i] is not ('\n' or '\r')) i++;
                    break;
                case '"':
                    i = SkipString(document, i);
                    break;
                case '{' or '[' or '(':
                    if (++depth > deepest && (deepest = depth) > limit) return deepest;
                    break;
                case '}' or ']' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return deepest;
    }

    /// <summary>The index of the closing quote of the string that opens at <paramref name="start"/> (or the end).</summary>
    private static int SkipString(string text, int start)
    {
        if (string.CompareOrdinal(text, start, "\"\"\"", 0, 3) == 0)
        {
            var close = text.IndexOf("\"\"\"", start + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 2;
        }
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] is '"' or '\n' or '\r') return i;
        }
        return text.Length;
    }
}
