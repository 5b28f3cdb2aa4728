namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The <c>extensions.code</c> values the schema's resolvers set, and the <c>code</c> of typed payload errors.
/// Codes the transport also uses (FORBIDDEN, BAD_USER_INPUT) have the same value there, so clients see one vocabulary.
/// </summary>
public static class SchemaErrorCodes
{
    /// <summary>The caller's role may not read or do this.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>No entity has the given id (a payload error, or a top-level error where no payload exists).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>An <c>after</c> cursor this list did not hand out, or one that was tampered with.</summary>
    public const string BadCursor = "BAD_CURSOR";

    /// <summary>The twin refused the change (a bad plate, a transition out of order, a time in the future...).</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A query argument is unusable: an area, a page size, a plate to look up.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";
}
