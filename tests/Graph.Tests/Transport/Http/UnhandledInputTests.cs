using System.Net;
using System.Text;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Http;

/// <summary>
/// Input that once escaped the request checks over real Kestrel: lone surrogate escapes (HTTP 500 with an empty body),
/// NUL characters bound for PostgreSQL, documents nested past the parser's recursion limit (INTERNAL_SERVER_ERROR with
/// the whole query in the log), and thousands of unused variables (460 KB of errors). Each is a 400 with a reason.
/// </summary>
public sealed class UnhandledInputTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Theory]
    [InlineData("""{"query":"\ud800"}""")]
    [InlineData("""{"query":"query($t: String!) { echo(text: $t) }","variables":{"t":"a\ud800b"}}""")]
    [InlineData("""{"query":"{ hello }","operationName":"\udc00"}""")]
    [InlineData("""{"query":"{ hello }","extensions":{"x":"\ud800"}}""")]
    public async Task Post_LoneSurrogateEscape_400WithReason(string body)
    {
        using var http = _host.CreateHttpClient();
        foreach (var accept in new[] { Json, GraphQLResponseJson })
        {
            var (status, _, json, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl, body, accept: accept));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("BAD_REQUEST", json.FirstErrorCode());
            Assert.Contains("surrogate", json.FirstErrorMessage());
        }
    }

    [Fact]
    public async Task Get_LoneSurrogateEscapeInVariables_400WithReason()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, json, _) = await http.ExchangeAsync(Get(_host.HttpUrl, "query($t: String!) { echo(text: $t) }",
            variables: """{"t":"\ud800"}""", accept: GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("surrogate", json.FirstErrorMessage());
    }

    [Fact]
    public async Task Post_NulInVariable_RefusedAsBadUserInput()
    {
        using var http = _host.CreateHttpClient();
        var (status, _, json, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl,
            """{"query":"query($t: String!) { echo(text: $t) }","variables":{"t":"a\u0000b"}}""", accept: GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_USER_INPUT", json.FirstErrorCode());
        Assert.Contains("$t", json.FirstErrorMessage());
    }

    [Theory]
    [InlineData("""{"query":"{ echo(text: \"a\\ud800b\") }"}""", "unpaired UTF-16 surrogate")]
    [InlineData("""{"query":"{ echo(text: \"a\\u0000b\") }"}""", "NUL character")]
    public async Task Post_UnstorableEscapeInAStringLiteral_ValidationErrorNotInternal(string body, string reason)
    {
        using var http = _host.CreateHttpClient();
        var (status, _, json, _) = await http.ExchangeAsync(PostRaw(_host.HttpUrl, body, accept: GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains(reason, json.FirstErrorMessage());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(200)]
    public async Task Post_NestedFarPastTheDepthLimit_ValidationErrorNotInternal(int levels)
    {
        using var http = _host.CreateHttpClient();
        var query = "{ " + string.Concat(Enumerable.Repeat("nested { ", levels)) + "value" + new string('}', levels) + " }";

        var (status, _, json, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query }, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains("levels deep", json.FirstErrorMessage());
    }

    [Fact]
    public async Task Post_3000UnusedVariables_ErrorsAreBounded()
    {
        using var http = _host.CreateHttpClient();
        var declarations = string.Join(",", Enumerable.Range(0, 3000).Select(i => $"$v{i}:Int"));
        var query = $"query({declarations}) {{ hello }}";

        var (status, _, json, response) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query }, GraphQLResponseJson));
        var bytes = Encoding.UTF8.GetByteCount(json.GetRawText());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.InRange(json.GetProperty("errors").GetArrayLength(), 2, 25);
        Assert.InRange(bytes, 1, 16 * 1024);
        Assert.Contains("more errors", json.GetProperty("errors")[24].GetProperty("message").GetString());
        response.Dispose();
    }
}
