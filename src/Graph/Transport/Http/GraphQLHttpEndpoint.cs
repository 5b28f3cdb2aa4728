using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using CityTwin.Graph.Execution.Cost;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Transport.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) at <c>/graphql</c>: POST
/// <c>application/json</c>, GET for queries only, answered as <c>application/graphql-response+json</c> or
/// <c>application/json</c> with the spec's status codes. Checks run cheapest first: method, <c>Accept</c>, API key,
/// rate, body, operation kind; only then does the request reach the runner.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IGraphQLRunner runner,
    IApiKeyStore keys,
    ApiKeyRateLimiter rateLimiter,
    IOptions<GraphQLHttpOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var isGet = HttpMethods.IsGet(http.Method);
        if (!isGet && !HttpMethods.IsPost(http.Method))
        {
            await WriteRefusalAsync(context, ResponseMediaType.Json,
                HttpRefusal.MethodNotAllowed("GET, POST", "GraphQL requests use POST, or GET for queries."));
            return;
        }
        var mediaType = ResponseMediaType.Negotiate(http.Headers.Accept);
        if (mediaType is null)
        {
            await WriteRefusalAsync(context, ResponseMediaType.Json, new HttpRefusal(StatusCodes.Status406NotAcceptable,
                GraphQLErrorCodes.BadRequest, $"Accept '{ResponseMediaType.GraphQLResponseJson}' or '{ResponseMediaType.Json}'."));
            return;
        }
        var authorization = http.Headers.Authorization.ToString();
        var principal = keys.Authenticate(authorization);
        if (principal is null)
        {
            await WriteRefusalAsync(context, mediaType, HttpRefusal.Unauthenticated(authorization.Length > 0));
            return;
        }
        var budgetHeaders = context.Response.Headers;
        context.Response.OnStarting(() =>
        {
            // After the request took its tokens (and the document its plate lookups): what is left for the next one.
            foreach (var (name, value) in rateLimiter.State(principal).Headers()) budgetHeaders[name] = value;
            return Task.CompletedTask;
        });
        if (!rateLimiter.TryAcquire(principal, out var retryAfter))
        {
            await WriteRefusalAsync(context, mediaType, HttpRefusal.RateLimited(retryAfter));
            return;
        }
        var (request, refusal) = isGet
            ? HttpRequestReader.ReadGet(http)
            : await HttpRequestReader.ReadPostAsync(http, options.Value.MaxRequestBodyBytes, context.RequestAborted);
        refusal ??= RefuseOperationKind(request!, isGet, mediaType);
        if (refusal is not null)
        {
            await WriteRefusalAsync(context, mediaType, refusal);
            return;
        }
        await ExecuteAsync(context, request!, principal, mediaType);
    }

    /// <summary>GET must not run mutations (405, spec "GET"); subscriptions need a stream, so they go over WebSocket.</summary>
    private static HttpRefusal? RefuseOperationKind(GraphQLRequest request, bool isGet, string mediaType) =>
        OperationKindProbe.Find(request.Query, request.OperationName) switch
        {
            OperationType.Mutation when isGet => HttpRefusal.MethodNotAllowed("POST", "Mutations are not allowed over GET; use POST."),
            OperationType.Subscription => new HttpRefusal(
                mediaType == ResponseMediaType.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
                GraphQLErrorCodes.BadRequest,
                $"Subscriptions run over WebSocket ({MessageType.SubProtocol}) at this URL, not over HTTP."),
            _ => null,
        };

    private async Task ExecuteAsync(HttpContext context, GraphQLRequest request, TwinPrincipal principal, string mediaType)
    {
        GraphQL.ExecutionResult result;
        try
        {
            result = await runner.ExecuteAsync(request, principal, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        context.Response.StatusCode = StatusFor(result, mediaType);
        if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        else if (result.Errors?.OfType<CostError>().FirstOrDefault(e => e.Code == GraphQLErrorCodes.RateLimited) is { RetryAfter: { } after })
        {
            // The key's budget cannot pay for the document's plate lookups: 429 whatever the media type, as for any request.
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = (after == TimeSpan.MaxValue ? 60 : Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await WriteBodyAsync(context, mediaType, runner.Serialize(result));
    }

    /// <summary>
    /// 503 when the database cannot be reached (either media type: the request was fine, the server cannot serve it
    /// now). Otherwise application/json: 200 for every well-formed request. application/graphql-response+json: 200 when
    /// the response has <c>data</c>; without it (parse, validation, operation or variable errors) 400, or 500 when the
    /// server failed.
    /// </summary>
    private static int StatusFor(GraphQL.ExecutionResult result, string mediaType)
    {
        if (result.Errors?.Any(e => e.Code == GraphQLErrorCodes.ServiceUnavailable) == true) return StatusCodes.Status503ServiceUnavailable;
        if (mediaType == ResponseMediaType.Json || result.Executed) return StatusCodes.Status200OK;
        var internalFailure = result.Errors?.Any(e => TwinErrorInfoProvider.CodeFor(e) == GraphQLErrorCodes.InternalServerError) == true;
        return internalFailure ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
    }

    private async Task WriteRefusalAsync(HttpContext context, string mediaType, HttpRefusal refusal)
    {
        context.Response.StatusCode = refusal.StatusCode;
        foreach (var (name, value) in refusal.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        await WriteBodyAsync(context, mediaType, runner.Serialize(ErrorResults.Refused(refusal.Code, refusal.Message)));
    }

    private static Task WriteBodyAsync(HttpContext context, string mediaType, string body)
    {
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
