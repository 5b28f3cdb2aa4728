using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Auth;

/// <summary>API keys over HTTP: <c>Authorization: Bearer KEY</c> from the keys file or configuration, 401 otherwise, 429 per key.</summary>
public sealed class HttpAuthTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    private readonly TransportHost _host = fixture.Host;

    [Fact]
    public async Task Post_NoKey_Returns401WithBearerChallenge()
    {
        using var http = _host.CreateHttpClient(key: null);
        var (status, _, body, response) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ hello }" }, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("UNAUTHENTICATED", body.FirstErrorCode());
    }

    [Theory]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic b3BlcmF0b3I6eA==")]
    [InlineData("Bearer ")]
    [InlineData(TransportHost.OperatorKey)]
    public async Task Post_UnknownOrMalformedKey_Returns401(string authorization)
    {
        using var http = _host.CreateHttpClient(key: null);
        var request = Post(_host.HttpUrl, new { query = "{ hello }" });
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var (status, _, body, _) = await http.ExchangeAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", body.FirstErrorCode());
    }

    [Theory]
    [InlineData(TransportHost.OperatorKey, "Operator")]
    [InlineData(TransportHost.PlannerKey, "Planner")]
    [InlineData(TransportHost.PartnerKey, "Partner")]
    [InlineData(TransportHost.ClinicKey, "Clinic:" + TransportHost.ClinicId)]
    public async Task Post_KnownKey_RunsWithItsRole(string key, string expected)
    {
        using var http = _host.CreateHttpClient(key);
        var (status, _, body, _) = await http.ExchangeAsync(Post(_host.HttpUrl, new { query = "{ whoami }" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body.GetProperty("data").GetProperty("whoami").GetString());
    }

    [Fact]
    public async Task Get_UnknownKey_Returns401()
    {
        using var http = _host.CreateHttpClient("wrong");
        var (status, _, _, _) = await http.ExchangeAsync(Get(_host.HttpUrl, "{ hello }"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
