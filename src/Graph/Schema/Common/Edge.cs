namespace CityTwin.Graph.Schema.Common;

/// <summary>A node with the opaque cursor that continues the list after it.</summary>
public sealed record Edge<TNode>(string Cursor, TNode Node);
