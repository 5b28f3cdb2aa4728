using System.Net;
using CityTwin.Graph.Tests.Transport.Support;
using static CityTwin.Graph.Tests.Transport.Support.GraphQLHttp;

namespace CityTwin.Graph.Tests.Transport.Execution;

/// <summary>Introspection stays on under the default limits, so tools (GraphiQL, codegen) can always read the schema.</summary>
public sealed class IntrospectionTests(DefaultTransportHost fixture) : IClassFixture<DefaultTransportHost>
{
    /// <summary>The query graphql-js's getIntrospectionQuery() produces, the deepest that common tools send.</summary>
    private const string FullIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Introspection_FullQueryUnderDefaultLimits_ReturnsSchema()
    {
        using var http = fixture.Host.CreateHttpClient(TransportHost.PartnerKey);
        var (status, _, body, _) = await http.ExchangeAsync(Post(fixture.Host.HttpUrl, new { query = FullIntrospection }, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, status);
        var schema = body.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        Assert.False(body.TryGetProperty("errors", out _));
    }
}
