using GraphQL.DataLoader;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// A per-request batch loader on GraphQL.NET's <see cref="IDataLoaderResult{T}"/>. Resolvers call
/// <see cref="Load"/> and return the pending result; the execution strategy resolves a whole level of fields first and
/// only then asks pending results for values, so the first one to be asked fetches every key queued so far in one
/// call. Values are kept for the rest of the request, so a key asked for again costs nothing.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> batchOf = [];
    private List<TKey> queued = [];
    private int batches;

    /// <summary>How many fetches this loader made: what proves that N keys cost one query.</summary>
    public int Batches => Volatile.Read(ref batches);

    /// <summary>Queues a key; the value (null when nothing has that key) comes with the next batch.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            if (!batchOf.ContainsKey(key) && !queued.Contains(key)) queued.Add(key);
        }
        return new DeferredResult<TValue?>(async cancellationToken =>
        {
            var values = await BatchFor(key, cancellationToken);
            return values.GetValueOrDefault(key);
        });
    }

    /// <summary>Queues several keys; the values come in key order, without the keys that name nothing.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IEnumerable<TKey> keys)
    {
        var pending = keys.Select(Load).ToList();
        return new DeferredResult<IReadOnlyList<TValue>>(async cancellationToken =>
        {
            var values = new List<TValue>(pending.Count);
            foreach (var result in pending)
                if (await result.GetResultAsync(cancellationToken) is { } value) values.Add(value);
            return values;
        });
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> BatchFor(TKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (batchOf.TryGetValue(key, out var batch)) return batch;
            // Everything queued until now goes in this batch, the key asked for included.
            var keys = queued;
            queued = [];
            if (!keys.Contains(key)) keys.Add(key);
            batches++;
            batch = fetch(keys, cancellationToken);
            foreach (var k in keys) batchOf[k] = batch;
            return batch;
        }
    }
}
