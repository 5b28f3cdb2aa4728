using GraphQL;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// Errors resolvers throw on purpose. Each is an <see cref="ExecutionError"/> with its code set, so the runner passes
/// code and message through and never mistakes it for a server fault (whose details stay in the log).
/// </summary>
public static class TwinErrors
{
    public static ExecutionError Forbidden(string message) => Create(SchemaErrorCodes.Forbidden, message);

    public static ExecutionError NotFound(string message) => Create(SchemaErrorCodes.NotFound, message);

    public static ExecutionError BadCursor(string argument) =>
        Create(SchemaErrorCodes.BadCursor, $"'{argument}' is not a cursor of this list; pass a cursor from its pageInfo.endCursor or an edge");

    public static ExecutionError BadInput(string message) => Create(SchemaErrorCodes.BadUserInput, message);

    private static ExecutionError Create(string code, string message) => new(message) { Code = code };
}
