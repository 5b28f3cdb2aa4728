using CityTwin.Graph.Auth;
using GraphQL;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Executes a request against the twin's schema with the product's limits (depth, complexity, size) and the caller's
/// principal in the user context. Subscriptions come back with <see cref="ExecutionResult.Streams"/> set.
/// Both transports call this and nothing else of GraphQL.NET.
/// </summary>
public interface IGraphQLRunner
{
    Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, TwinPrincipal principal, CancellationToken cancellationToken);

    /// <summary>Serialises a result as GraphQL JSON (errors carry extensions.code, never stack traces).</summary>
    string Serialize(ExecutionResult result);

    /// <summary>
    /// Serialises a subscription result that may go to many subscribers: a <see cref="SharedExecutionResult"/> is
    /// serialised once and its JSON reused for every subscriber it reaches.
    /// </summary>
    string SerializeShared(ExecutionResult result);
}
