using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Execution;

/// <summary>Depth, complexity, document and variables limits: refused before execution, with a code and a clear message.</summary>
public sealed class LimitTests : IAsyncLifetime
{
    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportHost.StartAsync(new Dictionary<string, string?>
    {
        ["CityTwin:GraphQL:Limits:MaxDepth"] = "4",
        ["CityTwin:GraphQL:Limits:MaxComplexity"] = "60",
        ["CityTwin:GraphQL:Limits:MaxDocumentLength"] = "2000",
        ["CityTwin:GraphQL:Limits:MaxVariablesLength"] = "500",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Query_WithinLimits_Runs()
    {
        var (status, _, body) = await PostAsync(new { query = "{ nested { nested { value } } items(first: 5) { value } }" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body.GetProperty("data").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Query_TooDeep_RefusedNamingTheDepthLimit()
    {
        var (status, _, body) = await PostAsync(new { query = "{ nested { nested { nested { nested { nested { value } } } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body.FirstErrorCode());
        Assert.Contains("maximum allowed on this endpoint is 4", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Query_TooComplex_RefusedNamingTheComplexityLimit()
    {
        var (status, _, body) = await PostAsync(new { query = "{ items(first: 40) { value label } }" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body.FirstErrorCode());
        Assert.Contains("maximum allowed on this endpoint is 60", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Document_TooLong_RefusedAsTooLarge()
    {
        var (status, _, body) = await PostAsync(new { query = "{ hello }" + new string(' ', 2100) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("REQUEST_TOO_LARGE", body.FirstErrorCode());
        Assert.Contains("2000", body.FirstErrorMessage());
    }

    [Fact]
    public async Task Variables_TooLarge_RefusedAsTooLarge()
    {
        var (status, _, body) = await PostAsync(new { query = "query($t: String!) { echo(text: $t) }", variables = new { t = new string('x', 600) } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("REQUEST_TOO_LARGE", body.FirstErrorCode());
    }

    [Fact]
    public async Task Limits_OverWebSocket_SameErrorAsHttp()
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(_host.WebSocketUrl);
        await client.SubscribeAsync("deep", "{ nested { nested { nested { nested { nested { value } } } } } }");

        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<(HttpStatusCode, string?, System.Text.Json.JsonElement)> PostAsync(object body)
    {
        using var http = _host.CreateHttpClient();
        var (status, mediaType, json, _) = await http.ExchangeAsync(Post(_host.HttpUrl, body, GraphQLResponseJson));
        return (status, mediaType, json);
    }
}
