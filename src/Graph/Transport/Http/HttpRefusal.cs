using CityTwin.Graph.Execution;

namespace CityTwin.Graph.Transport.Http;

/// <summary>A request answered before execution: an HTTP status, a GraphQL error (code and message), optional headers.</summary>
internal sealed record HttpRefusal(int StatusCode, string Code, string Message, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static HttpRefusal BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLErrorCodes.BadRequest, message);

    public static HttpRefusal MethodNotAllowed(string allow, string message) =>
        new(StatusCodes.Status405MethodNotAllowed, GraphQLErrorCodes.BadRequest, message, new Dictionary<string, string> { ["Allow"] = allow });

    public static HttpRefusal UnsupportedMediaType(string? contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, GraphQLErrorCodes.BadRequest,
            $"POST bodies must be 'application/json' in UTF-8; got '{contentType ?? "no Content-Type"}'.");

    public static HttpRefusal TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, GraphQLErrorCodes.RequestTooLarge, $"The request body exceeds {limit} bytes.");

    public static HttpRefusal Unauthenticated(bool keyGiven) =>
        new(StatusCodes.Status401Unauthorized, GraphQLErrorCodes.Unauthenticated,
            keyGiven ? "Unknown API key." : "Send an API key as 'Authorization: Bearer KEY'.",
            new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = keyGiven ? "Bearer realm=\"CityTwin\", error=\"invalid_token\"" : "Bearer realm=\"CityTwin\"",
            });

    public static HttpRefusal RateLimited(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(StatusCodes.Status429TooManyRequests, GraphQLErrorCodes.RateLimited,
            $"Rate limit exceeded for this API key; retry in {seconds} s.",
            new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
