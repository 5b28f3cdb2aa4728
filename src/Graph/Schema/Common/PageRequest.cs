namespace CityTwin.Graph.Schema.Common;

/// <summary>What page a caller asked for: at most <see cref="First"/> nodes after the <see cref="After"/> cursor.</summary>
public sealed record PageRequest(int First, string? After)
{
    /// <summary>Rows to fetch: one more than the page, to learn whether a next page exists without counting.</summary>
    public int Fetch => First + 1;

    /// <summary>
    /// The page from up to <see cref="Fetch"/> rows in list order. Cursors come from the rows, so they carry the exact
    /// values the database sorted on.
    /// </summary>
    public Connection<TNode> ToConnection<TRow, TNode>(IReadOnlyList<TRow> rows, Func<TRow, string> cursor, Func<TRow, TNode> node)
    {
        var edges = rows.Take(First).Select(row => new Edge<TNode>(cursor(row), node(row))).ToList();
        return new Connection<TNode>(edges, new PageInfo(rows.Count > First, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }
}
