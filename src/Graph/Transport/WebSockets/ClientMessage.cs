using CityTwin.Graph.Execution;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// A well-formed message from a client: its type, the operation id (<c>subscribe</c>, <c>complete</c>), the request
/// (<c>subscribe</c>) and the <c>payload.authorization</c> value (<c>connection_init</c>).
/// </summary>
internal sealed record ClientMessage(string Type, string? Id = null, GraphQLRequest? Request = null, string? Authorization = null);
