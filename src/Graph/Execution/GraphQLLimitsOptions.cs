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
    /// Total cost: each field costs 1 and list fields multiply their children by <c>first</c>/<c>last</c> or by
    /// <see cref="DefaultListSize"/>; every alias counts again. A plate lookup costs <see cref="PlateLookupCost"/>, a full
    /// introspection (<c>__schema</c>) <see cref="IntrospectionCost"/>, so a tool may read the schema but a document of
    /// hundreds of aliased introspections is refused before it runs.
    /// </summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>What one <c>__schema</c> selection costs, whatever it selects below (about 35 MB per 300 were measured).</summary>
    public int IntrospectionCost { get; set; } = 1000;

    /// <summary>What one <c>__type(name:)</c> selection costs, whatever it selects below.</summary>
    public int TypeIntrospectionCost { get; set; } = 50;

    /// <summary>What one plate lookup costs before its selection (a grain call, an audit row, a route).</summary>
    public int PlateLookupCost { get; set; } = 50;

    /// <summary>Most plate lookups one request may hold, however aliased; each also spends one rate-limit token.</summary>
    public int MaxPlateLookupsPerRequest { get; set; } = 50;

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
