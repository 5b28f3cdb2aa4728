using GraphQL;

namespace CityTwin.Graph.Execution;

/// <summary>One GraphQL request as both transports receive it (GraphQL over HTTP, graphql-transport-ws subscribe payload).</summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    Inputs? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);
