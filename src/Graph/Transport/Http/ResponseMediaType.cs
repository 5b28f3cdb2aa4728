using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.Transport.Http;

/// <summary>
/// Picks the response media type from <c>Accept</c> (GraphQL over HTTP, "Body"): the highest-priority type the server
/// supports; none supported → 406. No <c>Accept</c>, <c>*/*</c> and <c>application/*</c> get <c>application/json</c>,
/// as graphql-http's reference server does, so legacy clients keep their 200 status codes.
/// </summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The media type to answer with, or null when the client accepts none the server can write.</summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var candidates)) return null;
        // OrderByDescending is stable: among equal qualities the client's order decides.
        foreach (var candidate in candidates.OrderByDescending(c => c.Quality ?? 1.0))
        {
            if (candidate.Quality is 0.0 || !IsUtf8(candidate)) continue;
            var type = candidate.MediaType.Value ?? "";
            if (type.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)) return GraphQLResponseJson;
            if (type.Equals(Json, StringComparison.OrdinalIgnoreCase) || type is "application/*" or "*/*") return Json;
        }
        return null;
    }

    /// <summary>Both media types are UTF-8 when no charset is named (GraphQL over HTTP, "Media Types").</summary>
    public static bool IsUtf8(MediaTypeHeaderValue mediaType) =>
        !mediaType.Charset.HasValue
        || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
