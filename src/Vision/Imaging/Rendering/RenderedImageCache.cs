namespace CityTwin.Vision.Imaging.Rendering;

/// <summary>
/// Rendered JPEGs in memory, bounded by their total bytes and dropped least recently used first. The key is the stored
/// file (named by the SHA-256 of its bytes, so it can never go stale) with the rendering parameters. Thread-safe; the
/// lock covers only dictionary and list updates, never a render.
/// </summary>
public sealed class RenderedImageCache(long capacityBytes)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Jpeg)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Jpeg)> recency = new();
    private readonly Lock gate = new();
    private long bytes;

    /// <summary>Bytes held now.</summary>
    public long Bytes
    {
        get { lock (gate) return bytes; }
    }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get { lock (gate) return entries.Count; }
    }

    public static string KeyOf(string path, int quality) => $"{path}\n{quality}";

    public bool TryGet(string key, out byte[] jpeg)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                jpeg = node.Value.Jpeg;
                return true;
            }
        }
        jpeg = [];
        return false;
    }

    /// <summary>Keeps <paramref name="jpeg"/> unless it alone exceeds the capacity; older entries make room.</summary>
    public void Add(string key, byte[] jpeg)
    {
        if (jpeg.LongLength > capacityBytes) return;
        lock (gate)
        {
            if (entries.ContainsKey(key)) return;
            while (bytes + jpeg.LongLength > capacityBytes && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
                bytes -= oldest.Value.Jpeg.LongLength;
            }
            entries[key] = recency.AddFirst((key, jpeg));
            bytes += jpeg.LongLength;
        }
    }
}
