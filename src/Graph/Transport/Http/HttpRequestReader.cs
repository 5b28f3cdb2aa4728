using System.Buffers;
using System.Text.Json;
using CityTwin.Graph.Execution;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.Transport.Http;

/// <summary>
/// Turns a GET query string or a POST <c>application/json</c> body into a <see cref="GraphQLRequest"/>, or into the
/// refusal the GraphQL-over-HTTP spec asks for (415 media type, 413 size, 400 malformed JSON or parameters).
/// </summary>
internal static class HttpRequestReader
{
    public static (GraphQLRequest? Request, HttpRefusal? Refusal) ReadGet(HttpRequest http)
    {
        foreach (var name in (string[])["query", "operationName", "variables", "extensions"])
        {
            if (http.Query[name].Count > 1) return (null, HttpRefusal.BadRequest($"The parameter '{name}' is repeated."));
        }
        string? query = http.Query["query"];
        if (query is null) return (null, HttpRefusal.BadRequest("The request must have a 'query' parameter."));
        if (!GraphQLRequestReader.TryReadMapText(http.Query["variables"], "variables", out var variables, out var error)
            || !GraphQLRequestReader.TryReadMapText(http.Query["extensions"], "extensions", out var extensions, out error))
            return (null, HttpRefusal.BadRequest(error));
        string? operationName = http.Query["operationName"];
        return (new GraphQLRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    public static async Task<(GraphQLRequest? Request, HttpRefusal? Refusal)> ReadPostAsync(HttpRequest http, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !contentType.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase)
            || !ResponseMediaType.IsUtf8(contentType))
            return (null, HttpRefusal.UnsupportedMediaType(http.ContentType));
        if (http.ContentLength > maxBytes) return (null, HttpRefusal.TooLarge(maxBytes));

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length) buffer = Grow(buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
                var read = await http.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) break;
                length += read;
                // Chunked bodies carry no Content-Length: stop reading as soon as they pass the limit.
                if (length > maxBytes) return (null, HttpRefusal.TooLarge(maxBytes));
            }
            return Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (GraphQLRequest?, HttpRefusal?) Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var request = GraphQLRequestReader.TryRead(document.RootElement, out var error);
            return request is null ? (null, HttpRefusal.BadRequest(error)) : (request, null);
        }
        catch (JsonException exception)
        {
            return (null, HttpRefusal.BadRequest($"The body is not valid JSON: {exception.Message}"));
        }
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
