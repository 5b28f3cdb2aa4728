using GraphQL;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Results for requests refused before execution (not executed, no <c>data</c>), so transports answer every failure in
/// the same GraphQL error shape.
/// </summary>
internal static class ErrorResults
{
    public static ExecutionResult Refused(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };

    /// <summary>A short id that joins the client's error to the server's log entry.</summary>
    public static string NewErrorId() => Guid.NewGuid().ToString("N")[..12];

    public static string InternalMessage(string errorId) => $"Internal server error (error id {errorId}).";
}
