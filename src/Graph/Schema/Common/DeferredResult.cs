using GraphQL.DataLoader;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// A value computed the first time the execution strategy asks for it, and only once. Returning one from a resolver
/// tells GraphQL.NET to finish the current level of fields before asking, which is what lets loaders batch.
/// </summary>
public sealed class DeferredResult<T>(Func<CancellationToken, Task<T>> resolve) : IDataLoaderResult<T>
{
    private readonly Lock gate = new();
    private Task<T>? result;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
    {
        lock (gate) return result ??= resolve(cancellationToken);
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken);
}
