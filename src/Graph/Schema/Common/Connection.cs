namespace CityTwin.Graph.Schema.Common;

/// <summary>One page of a list, Relay style: the edges of the page and where it ends.</summary>
public sealed record Connection<TNode>(IReadOnlyList<Edge<TNode>> Edges, PageInfo PageInfo);
