namespace CityTwin.Graph.Map;

/// <summary>
/// A size-capped cache of basemap documents that evicts the least recently used one when full, so panning around
/// one district keeps its tiles while a crawler's one-off boxes fall out first.
/// </summary>
public sealed class BasemapCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, BasemapDocument Document)>> index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, BasemapDocument Document)> recency = new();
    private readonly Lock gate = new();

    /// <summary>Documents held now.</summary>
    public int Count
    {
        get
        {
            lock (gate) return index.Count;
        }
    }

    /// <summary>The document under <paramref name="key"/>, marked as just used; null when absent.</summary>
    public BasemapDocument? Get(string key)
    {
        lock (gate)
        {
            if (!index.TryGetValue(key, out var node)) return null;
            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value.Document;
        }
    }

    /// <summary>Stores <paramref name="document"/>, evicting the least recently used documents past the capacity.</summary>
    public void Put(string key, BasemapDocument document)
    {
        lock (gate)
        {
            if (index.Remove(key, out var old)) recency.Remove(old);
            index[key] = recency.AddFirst((key, document));
            while (index.Count > Math.Max(1, capacity))
            {
                var last = recency.Last!;
                recency.RemoveLast();
                index.Remove(last.Value.Key);
            }
        }
    }
}
