using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Shapes every GraphQL error for the wire: one <c>extensions.code</c> from <see cref="GraphQLErrorCodes"/>, never
/// exception types, stack traces or data of unexpected exceptions (their message was already replaced by the runner with
/// the id under which it logged them).
/// </summary>
public sealed class TwinErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeExceptionDetails = false,
    ExposeCode = true,
    ExposeCodes = false,
    ExposeData = true,
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = executionError is UnhandledError || info.Extensions is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(info.Extensions);
        extensions["code"] = CodeFor(executionError);
        // GraphQL.NET words a value a scalar refused generically ("Unable to convert …"); the scalar's own reason
        // (e.g. "outside WGS84 ranges") is what the caller needs to fix the request.
        var message = InputReason(executionError) is { } reason && !info.Message.Contains(reason, StringComparison.Ordinal)
            ? $"{info.Message} Reason: {reason}"
            : info.Message;
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>The code of an error: GraphQL.NET's own errors map by kind; codes set on purpose by resolvers pass through.</summary>
    public static string CodeFor(ExecutionError error) => error switch
    {
        UnhandledError => GraphQLErrorCodes.InternalServerError,
        SyntaxError => GraphQLErrorCodes.ParseFailed,
        InvalidVariableError => GraphQLErrorCodes.BadUserInput,
        _ when InputReason(error) is not null => GraphQLErrorCodes.BadUserInput,
        InvalidOperationNameError or NoOperationNameError or NoOperationError => GraphQLErrorCodes.OperationResolutionFailure,
        QueryMissingError => GraphQLErrorCodes.BadRequest,
        Cost.CostError cost => cost.Code!,
        DocumentError => GraphQLErrorCodes.ValidationFailed,
        _ when !string.IsNullOrEmpty(error.Code) => error.Code,
        // A resolver threw an ExecutionError on purpose without a code: it describes the request, not a server fault.
        _ => GraphQLErrorCodes.BadRequest,
    };

    /// <summary>The reason a scalar gave for refusing an input value (it throws <see cref="FormatException"/>), if any.</summary>
    private static string? InputReason(ExecutionError error) =>
        error is not UnhandledError && error.InnerException?.GetBaseException() is FormatException refused ? refused.Message : null;
}
