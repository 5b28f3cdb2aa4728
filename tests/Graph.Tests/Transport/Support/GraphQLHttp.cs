using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>Builds GraphQL-over-HTTP requests and reads their answers for the HTTP tests.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static HttpRequestMessage Post(Uri url, object body, string? accept = null) =>
        PostRaw(url, JsonSerializer.Serialize(body), Json, accept);

    public static HttpRequestMessage PostRaw(Uri url, string body, string? contentType = Json, string? accept = null)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    public static HttpRequestMessage Get(Uri url, string query, string? operationName = null, string? variables = null, string? accept = null)
    {
        var parameters = new List<string> { $"query={Uri.EscapeDataString(query)}" };
        if (operationName is not null) parameters.Add($"operationName={Uri.EscapeDataString(operationName)}");
        if (variables is not null) parameters.Add($"variables={Uri.EscapeDataString(variables)}");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{url}?{string.Join('&', parameters)}"));
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>Sends the request; returns the status, the response media type and the parsed JSON body.</summary>
    public static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body, HttpResponseMessage Response)> ExchangeAsync(
        this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }

    /// <summary>The <c>extensions.code</c> of the first error.</summary>
    public static string? FirstErrorCode(this JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    public static string? FirstErrorMessage(this JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString();
}
