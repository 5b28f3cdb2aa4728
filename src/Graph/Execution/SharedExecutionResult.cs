using GraphQL;

namespace CityTwin.Graph.Execution;

/// <summary>
/// A subscription result that many subscribers receive (see <see cref="SharedSubscriptionExecutionStrategy"/>): it
/// carries its JSON once serialised, so every subscriber's message reuses the same text.
/// </summary>
public sealed class SharedExecutionResult(ExecutionResult result) : ExecutionResult(result)
{
    private string? json;

    /// <summary>The JSON of this result, serialised by <paramref name="serialize"/> the first time it is asked for.</summary>
    public string Json(Func<ExecutionResult, string> serialize) =>
        Volatile.Read(ref json) ?? Interlocked.CompareExchange(ref json, serialize(this), null) ?? json!;
}
