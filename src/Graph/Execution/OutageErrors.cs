using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.Execution;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Turns the internal errors a database outage causes into one <see cref="GraphQLErrorCodes.ServiceUnavailable"/>
/// error with a reason, so HTTP answers 503 and a WebSocket client reads a code it can retry on.
/// </summary>
internal static class OutageErrors
{
    public const string Message = "The twin's database is unavailable; try again shortly.";

    public static ExecutionResult Apply(ExecutionResult result)
    {
        if (result.Errors is not { } errors || !errors.Any(IsOutage)) return result;
        var replaced = new ExecutionErrors();
        replaced.AddRange(errors.Where(e => !IsOutage(e)));
        replaced.Add(new ExecutionError(Message) { Code = GraphQLErrorCodes.ServiceUnavailable });
        result.Errors = replaced;
        return result;
    }

    private static bool IsOutage(ExecutionError error) => error is UnhandledError && DatabaseOutage.IsOutage(error.InnerException);
}
