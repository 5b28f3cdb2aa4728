using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Http;

/// <summary>
/// Bad requests of every kind: the status code per response media type (GraphQL over HTTP, "Status Codes"), an error
/// body with <c>extensions.code</c>, and a server that keeps answering.
/// </summary>
public sealed class HttpErrorStatusTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Theory]
    [InlineData("NONSENSE")]
    [InlineData("""{"query":""")]
    [InlineData("")]
    public async Task Post_MalformedJson_Returns400WithGraphQLErrorBody(string body)
    {
        using var http = _host.CreateHttpClient();
        foreach (var accept in new[] { Json, GraphQLResponseJson })
        {
            var (status, mediaType, json, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl, body, accept: accept));

            Assert.Equal((HttpStatusCode.BadRequest, accept), (status, mediaType));
            Assert.Equal("BAD_REQUEST", json.FirstErrorCode());
        }
        await AssertStillServesAsync(http);
    }

    [Theory]
    [InlineData("""{"qeury":"{ hello }"}""")]
    [InlineData("""{"query": 7}""")]
    [InlineData("""{"query":"{ hello }","variables":[7]}""")]
    [InlineData("""{"query":"{ hello }","operationName":5}""")]
    [InlineData("""{"query":"{ hello }","extensions":"x"}""")]
    [InlineData("""[{"query":"{ hello }"}]""")]
    public async Task Post_InvalidParameters_Returns400(string body)
    {
        using var http = _host.CreateHttpClient();
        var (status, _, json, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl, body, accept: Json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", json.FirstErrorCode());
    }

    [Theory]
    [InlineData("{ hello ", "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ nope }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("query A { hello } query B { hello }", "OPERATION_RESOLUTION_FAILURE")]
    public async Task Post_RequestError_400ForGraphQLResponseJsonAnd200ForJson(string query, string code)
    {
        using var http = _host.CreateHttpClient();
        var strict = await http.ExchangeAsync(Post(_host.HttpUrl, new { query }, GraphQLResponseJson));
        var legacy = await http.ExchangeAsync(Post(_host.HttpUrl, new { query }, Json));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (strict.Status, legacy.Status));
        Assert.Equal((code, code), (strict.Body.FirstErrorCode(), legacy.Body.FirstErrorCode()));
        Assert.False(strict.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_UnknownOperationName_RefusedWithoutExecution()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "query A { hello }", operationName = "B" }, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("OPERATION_RESOLUTION_FAILURE", body.FirstErrorCode());
        Assert.Contains("'B'", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Post_VariableOfWrongType_BadUserInput()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl,
            new { query = "query($n: Int!) { double(n: $n) }", variables = new { n = "many" } }, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_USER_INPUT", body.FirstErrorCode());
    }

    [Fact]
    public async Task Post_FieldRefusedByResolver_200WithPartialDataAndItsCode()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello forbidden }" }, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("FORBIDDEN", body.FirstErrorCode());
    }

    [Fact]
    public async Task Post_ResolverThrowsUnexpectedly_HidesExceptionBehindErrorId()
    {
        using var http = _host.CreateHttpClient();
        var response = await http.PostAsync(_host.HttpUrl, new StringContent("""{"query":"{ boom }"}""", System.Text.Encoding.UTF8, Json));
        var text = await response.Content.ReadAsStringAsync();
        using var body = System.Text.Json.JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("INTERNAL_SERVER_ERROR", body.RootElement.FirstErrorCode());
        Assert.Matches("error id [0-9a-f]{12}", body.RootElement.FirstErrorMessage());
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperation", text);
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        using var http = _host.CreateHttpClient();
        var padding = new string(' ', 300 * 1024);
        var (status, _, body, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl, $$"""{"query":"{ hello }"{{padding}}}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("REQUEST_TOO_LARGE", body.FirstErrorCode());
        await AssertStillServesAsync(http);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        using var http = _host.CreateHttpClient();
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"query":"{ hello }"{{new string(' ', 300 * 1024)}}}""")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        var request = new HttpRequestMessage(HttpMethod.Post, _host.HttpUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var (status, _, _, _) = await http.ExchangeAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Get_WithoutQuery_Returns400()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(new HttpRequestMessage(HttpMethod.Get, _host.HttpUrl));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", body.FirstErrorCode());
    }

    [Fact]
    public async Task Get_VariablesNotJson_Returns400()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, _, _) = await http.ExchangeAsync(Get(_host.HttpUrl, "query($n: Int!) { double(n: $n) }", variables: "{n:"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private async Task AssertStillServesAsync(HttpClient http)
    {
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
    }
}
