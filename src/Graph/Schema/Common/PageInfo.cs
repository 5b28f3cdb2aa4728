namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// Where a page ends. Lists page forward only (<c>first</c>/<c>after</c>), so <see cref="HasPreviousPage"/> is false,
/// as the Relay connection spec allows when it cannot be answered cheaply.
/// </summary>
public sealed record PageInfo(bool HasNextPage, string? StartCursor, string? EndCursor, bool HasPreviousPage = false);
