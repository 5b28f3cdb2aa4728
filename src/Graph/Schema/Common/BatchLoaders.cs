using GraphQL;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The request's loaders live in its user context, so they are created per request and gone with it: a value
/// loaded for one caller is never served to another.
/// </summary>
public static class BatchLoaders
{
    public static BatchLoader<TKey, TValue> GetOrAddLoader<TKey, TValue>(this IResolveFieldContext context, string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
        where TValue : class
    {
        var bag = context.UserContext;
        // Fields of one level resolve in parallel; the user context is a plain dictionary, so creation is locked.
        lock (bag)
        {
            if (bag.TryGetValue(name, out var existing) && existing is BatchLoader<TKey, TValue> loader) return loader;
            loader = new BatchLoader<TKey, TValue>(fetch);
            bag[name] = loader;
            return loader;
        }
    }
}
