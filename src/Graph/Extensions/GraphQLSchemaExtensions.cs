using CityTwin.Graph.Execution;
using CityTwin.Graph.Schema;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Extensions;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Graph.Extensions;

/// <summary>Registers the twin's GraphQL schema: <see cref="GraphQL.Types.ISchema"/> as <see cref="TwinSchema"/> and every graph type.</summary>
public static class GraphQLSchemaExtensions
{
    /// <summary>
    /// Adds the schema (a singleton), its graph types and the services its resolvers use beside the database
    /// (the plate-lookup audit). The host must also register the twin database (<c>AddTwinDatabase</c>) and an
    /// <see cref="IGrainFactory"/> (the silo or a cluster client).
    /// </summary>
    public static IServiceCollection AddCityTwinSchema(this IServiceCollection services)
    {
        services.AddTwinQueryServices();
        // Subscriptions to plate-bearing fields are audited through it (the live root takes it when present).
        services.TryAddSingleton<Schema.Live.LiveAuditQueue>();
        services.AddGraphQL(builder => builder
            .AddSchema<TwinSchema>()
            // One execution per live event and subscription shape, not per subscriber (see the strategy).
            .AddExecutionStrategy<SharedSubscriptionExecutionStrategy>(GraphQLParser.AST.OperationType.Subscription)
            // Every graph type of this assembly, the live engineer's subscription types included.
            .AddGraphTypes(typeof(TwinSchema).Assembly));
        // Generic graph types are closed over each node type as the schema asks for them.
        services.AddTransient(typeof(ConnectionGraphType<,>));
        services.AddTransient(typeof(EdgeGraphType<,>));
        services.AddTransient(typeof(PayloadGraphType<,>));
        return services;
    }
}
