using GraphQL.DataLoader;

namespace CityTwin.Graph.Schema.Common;

/// <summary>Mapping a pending loader value without forcing it (GraphQL.DataLoader's <c>Then</c> is not available here).</summary>
public static class DataLoaderResultExtensions
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new DeferredResult<TResult>(async cancellationToken => map(await result.GetResultAsync(cancellationToken)));
}
