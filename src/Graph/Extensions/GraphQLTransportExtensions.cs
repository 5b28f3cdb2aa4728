using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using CityTwin.Graph.Transport.Http;
using CityTwin.Graph.Transport.WebSockets;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Graph.Extensions;

/// <summary>
/// Wiring of the GraphQL transport: the runner with its limits, API keys and per-key rate limits, GraphQL over HTTP and
/// graphql-transport-ws at <c>/graphql</c>. The schema (<see cref="GraphQL.Types.ISchema"/>) comes from DI, registered elsewhere.
/// </summary>
public static class GraphQLTransportExtensions
{
    public const string Path = "/graphql";

    /// <summary>Registers the runner, the key store, the rate limiter and both endpoints, with options from configuration.</summary>
    public static IServiceCollection AddCityTwinTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphQLLimitsOptions>(configuration.GetSection(GraphQLLimitsOptions.Section));
        services.Configure<ApiKeyOptions>(configuration.GetSection(ApiKeyOptions.Section));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.Configure<GraphQLHttpOptions>(configuration.GetSection(GraphQLHttpOptions.Section));
        services.Configure<GraphQLWebSocketOptions>(configuration.GetSection(GraphQLWebSocketOptions.Section));
        services.TryAddSingleton<IDocumentExecuter, DocumentExecuter>();
        services.TryAddSingleton<IGraphQLRunner, GraphQLRunner>();
        services.TryAddSingleton<IApiKeyStore, ApiKeyStore>();
        services.TryAddSingleton<ApiKeyRateLimiter>();
        services.TryAddSingleton<Transport.WebSockets.SocketLimiter>();
        services.TryAddSingleton<GraphQLHttpEndpoint>();
        services.TryAddSingleton<GraphQLWebSocketEndpoint>();
        return services;
    }

    /// <summary>Maps <c>/graphql</c>: WebSocket upgrades to graphql-transport-ws, every other request to GraphQL over HTTP.</summary>
    public static WebApplication MapCityTwinGraphQL(this WebApplication app)
    {
        var webSockets = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLWebSocketOptions>>().Value;
        app.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = webSockets.KeepAliveInterval,
            KeepAliveTimeout = webSockets.KeepAliveTimeout,
        });
        // Resolved per request (singletons, so cheap): the schema is built on first use, not while the app is mapped.
        RequestDelegate graphql = context => context.WebSockets.IsWebSocketRequest
            ? context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().HandleAsync(context)
            : context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context);
        app.Map(Path, graphql);
        return app;
    }
}
