using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Http;

/// <summary>GraphQL over HTTP: methods, media types and status codes as the GraphQL-over-HTTP spec sets them.</summary>
public sealed class HttpConformanceTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Fact]
    public async Task Post_QueryWithoutAccept_Returns200JsonWithData()
    {
        using var http = _host.CreateHttpClient();
        var (status, mediaType, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }));

        Assert.Equal((HttpStatusCode.OK, Json), (status, mediaType));
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    [InlineData("application/json", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.1, application/json", Json)]
    [InlineData("text/html, application/graphql-response+json; charset=utf-8", GraphQLResponseJson)]
    public async Task Post_Accept_RespondsWithHighestPrioritySupportedType(string accept, string expected)
    {
        using var http = _host.CreateHttpClient();
        var (status, mediaType, _, response) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }, accept));

        Assert.Equal((HttpStatusCode.OK, expected), (status, mediaType));
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_AcceptsNothingSupported_Returns406(string accept)
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }, accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
        Assert.Equal("BAD_REQUEST", body.FirstErrorCode());
    }

    [Fact]
    public async Task Get_QueryWithVariables_Returns200WithData()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(Get(_host.HttpUrl, "query Twice($n: Int!) { double(n: $n) }", "Twice", """{"n": 21}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(42, body.GetProperty("data").GetProperty("double").GetInt32());
    }

    [Fact]
    public async Task Get_Mutation_Returns405AllowingPost()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, response) = await http.ExchangeAsync(Get(_host.HttpUrl, "mutation { setGreeting(text: \"hi\") }", accept: GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Contains("POST", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Get_MutationChosenByOperationName_Returns405()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, _, _) = await http.ExchangeAsync(Get(_host.HttpUrl, "query Q { hello } mutation M { setGreeting(text: \"x\") }", "M"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
    }

    [Fact]
    public async Task Post_Mutation_Returns200WithData()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "mutation { setGreeting(text: \"xin chao\") }" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("xin chao", body.GetProperty("data").GetProperty("setGreeting").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethod_Returns405AllowingGetAndPost(string method)
    {
        using var http = _host.CreateHttpClient();
        var (status, _, _, response) = await http.ExchangeAsync(new HttpRequestMessage(new HttpMethod(method), _host.HttpUrl)
        {
            Content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, Json),
        });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.OrderBy(m => m));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task Post_UnsupportedContentType_Returns415(string? contentType)
    {
        using var http = _host.CreateHttpClient();
        var (status, _, body, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl, """{"query":"{ hello }"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("BAD_REQUEST", body.FirstErrorCode());
    }

    [Fact]
    public async Task Post_SubscriptionOperation_RefusedPointingToWebSocket()
    {
        using var http = _host.CreateHttpClient();
        var strict = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "subscription { ticks(channel: \"http\") { seq } }" }, GraphQLResponseJson));
        var legacy = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "subscription { ticks(channel: \"http\") { seq } }" }, Json));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (strict.Status, legacy.Status));
        Assert.Contains("WebSocket", strict.Body.FirstErrorMessage());
        Assert.Equal(0, _host.Hub.Subscribers("http"));
    }

    [Fact]
    public async Task Post_VietnameseTextAndOffsets_ReturnedUnescaped()
    {
        using var http = _host.CreateHttpClient();
        var (_, _, _, response) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = """{ echo(text: "Phường An Phú 2026-11-26T06:00:00+07:00") }""" }));

        // JSON for API clients, not HTML: Vietnamese letters and '+' go out as themselves, not as \uXXXX escapes.
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Phường An Phú 2026-11-26T06:00:00+07:00", raw);
    }
}
