namespace CityTwin.Graph.Execution;

/// <summary>
/// The values of <c>errors[].extensions.code</c>. Every error the API returns carries one, so clients branch on codes,
/// never on messages. Resolvers that throw <see cref="GraphQL.ExecutionError"/> set <c>Code</c> to one of these.
/// </summary>
public static class GraphQLErrorCodes
{
    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    /// <summary>The document fails validation against the schema or the depth/complexity limits.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    /// <summary>An argument or variable value is invalid.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";
    /// <summary>The operation to run cannot be determined (unknown or missing operationName, no operation).</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";
    /// <summary>The request itself is not well formed (JSON, parameters, a subscription over HTTP).</summary>
    public const string BadRequest = "BAD_REQUEST";
    /// <summary>The document or the variables exceed the configured size.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    /// <summary>No API key, or an unknown one.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";
    /// <summary>The caller's role may not do this.</summary>
    public const string Forbidden = "FORBIDDEN";
    /// <summary>The API key exceeded its request rate.</summary>
    public const string RateLimited = "RATE_LIMITED";
    /// <summary>The document looks up more plates than one request may.</summary>
    public const string PlateLookupLimit = "PLATE_LOOKUP_LIMIT";
    /// <summary>A connection holds as many running operations as it may.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    /// <summary>The twin's database cannot be reached; try again shortly (HTTP 503).</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    /// <summary>Something unexpected failed; the message carries the id under which the server logged it.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
