using CityTwin.Graph.Auth;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Runs requests on the schema from DI with GraphQL.NET's <see cref="DocumentExecuter"/>: size limits first, then the
/// spec's validation rules with depth and complexity limits, the caller's principal in <see cref="TwinUserContext"/>.
/// Unexpected exceptions are logged with an id; the client sees only that id.
/// </summary>
public sealed partial class GraphQLRunner : IGraphQLRunner
{
    private readonly ISchema _schema;
    private readonly IDocumentExecuter _executer;
    private readonly IServiceProvider _services;
    private readonly GraphQLLimitsOptions _limits;
    private readonly IValidationRule[] _rules;
    private readonly ILogger<GraphQLRunner> _logger;
    // The runner owns serialisation so every transport writes errors through the same provider, whatever else DI holds.
    // Relaxed escaping: responses are JSON for API clients, never inlined in HTML, so Vietnamese names and '+' in
    // time offsets go out as themselves, not as \uXXXX escapes that cost six bytes each on every event.
    private readonly GraphQLSerializer _serializer = new(
        options => options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, new TwinErrorInfoProvider());

    public GraphQLRunner(ISchema schema, IDocumentExecuter executer, IServiceProvider services,
        IOptions<GraphQLLimitsOptions> limits, ILogger<GraphQLRunner> logger)
    {
        _schema = schema;
        _executer = executer;
        _services = services;
        _limits = limits.Value;
        _rules = LimitRules.Create(_limits);
        _logger = logger;
    }

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, TwinPrincipal principal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
            return ErrorResults.Refused(GraphQLErrorCodes.BadRequest, "The request has no GraphQL document ('query').");
        if (request.Query.Length > _limits.MaxDocumentLength)
            return ErrorResults.Refused(GraphQLErrorCodes.RequestTooLarge,
                $"The document has {request.Query.Length} characters; the limit is {_limits.MaxDocumentLength}.");
        if (VariablesSize.Exceeds(request.Variables, _limits.MaxVariablesLength))
            return ErrorResults.Refused(GraphQLErrorCodes.RequestTooLarge,
                $"The variables exceed {_limits.MaxVariablesLength} characters of JSON.");
        if (DocumentNesting.Measure(request.Query, _limits.MaxNesting) is var nesting && nesting > _limits.MaxNesting)
            return ErrorResults.Refused(GraphQLErrorCodes.ValidationFailed,
                $"The document nests braces, brackets or parentheses more than {_limits.MaxNesting} levels deep; the field depth limit is {_limits.MaxDepth}.");
        if (VariablesText.FirstProblem(request.Variables) is { } unstorable)
            return ErrorResults.Refused(GraphQLErrorCodes.BadUserInput, $"Variable {unstorable}; such text cannot be stored.");
        try
        {
            return ErrorBound.Apply(OutageErrors.Apply(await ExecuteCheckedAsync(request, principal, cancellationToken)), _limits.MaxErrors);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (DatabaseOutage.IsOutage(exception))
        {
            LogOutage(exception.GetBaseException().Message);
            return ErrorResults.Refused(GraphQLErrorCodes.ServiceUnavailable, OutageErrors.Message);
        }
        catch (Exception exception)
        {
            var errorId = ErrorResults.NewErrorId();
            LogUnexpected(exception, errorId);
            return ErrorResults.Refused(GraphQLErrorCodes.InternalServerError, ErrorResults.InternalMessage(errorId));
        }
    }

    private Task<ExecutionResult> ExecuteCheckedAsync(GraphQLRequest request, TwinPrincipal principal, CancellationToken cancellationToken) =>
        _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = ToInputs(request.Extensions),
            UserContext = new TwinUserContext(principal),
            // The root provider: subscription events resolve long after a request scope would be gone.
            RequestServices = _services,
            ValidationRules = _rules,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = OnUnhandledException,
        });

    public string Serialize(ExecutionResult result) => _serializer.Serialize(result);

    public string SerializeShared(ExecutionResult result) => result is SharedExecutionResult shared ? shared.Json(Serialize) : Serialize(result);

    private Task OnUnhandledException(GraphQL.Execution.UnhandledExceptionContext context)
    {
        if (DatabaseOutage.IsOutage(context.OriginalException))
        {
            // One line, no stack: an outage is expected operations, and OutageErrors gives the client the reason.
            LogOutage(context.OriginalException.GetBaseException().Message);
            return Task.CompletedTask;
        }
        var errorId = ErrorResults.NewErrorId();
        LogUnexpected(context.OriginalException, errorId);
        context.ErrorMessage = ErrorResults.InternalMessage(errorId);
        return Task.CompletedTask;
    }

    private static Inputs? ToInputs(IReadOnlyDictionary<string, object?>? extensions) => extensions switch
    {
        null => null,
        Inputs inputs => inputs,
        _ => new Inputs(extensions.ToDictionary(e => e.Key, e => e.Value)),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL request answered 'unavailable': the database cannot be reached ({Reason})")]
    private partial void LogOutage(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL request failed unexpectedly; error id {ErrorId}")]
    private partial void LogUnexpected(Exception exception, string errorId);
}
