namespace CityTwin.Graph.Execution;

/// <summary>
/// What one GraphQL request may ask for (configuration section <c>CityTwin:GraphQL:Limits</c>). Requests over a limit are
/// refused before execution with a clear error.
/// </summary>
public sealed class GraphQLLimitsOptions
{
    public const string Section = "CityTwin:GraphQL:Limits";

    /// <summary>Deepest field nesting; the standard introspection query needs 14.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Total complexity: each field costs 1 and list fields multiply their children by <c>first</c>/<c>last</c> or by
    /// <see cref="DefaultListSize"/>. Introspection fields cost nothing, so tools can always read the schema.
    /// </summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>The page size assumed for a list field without <c>first</c>/<c>last</c>.</summary>
    public int DefaultListSize { get; set; } = 5;

    /// <summary>Longest document text, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Largest variables object, in characters of its JSON form.</summary>
    public int MaxVariablesLength { get; set; } = 64 * 1024;

    /// <summary>
    /// Deepest nesting of braces, brackets and parentheses in the document text, checked before it is parsed: the
    /// parser recurses per level, so a document nested far past <see cref="MaxDepth"/> is refused unparsed.
    /// </summary>
    public int MaxNesting { get; set; } = 32;

    /// <summary>Most errors one response carries; the rest are summed up in one last error (3,000 unused variables are one problem).</summary>
    public int MaxErrors { get; set; } = 25;
}
