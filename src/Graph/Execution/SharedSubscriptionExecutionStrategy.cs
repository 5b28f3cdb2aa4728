using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CityTwin.Graph.Live;
using GraphQL;
using Microsoft.Extensions.Options;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Runs each live event through a subscription's selection once per <see cref="SubscriptionShape"/> instead of once
/// per subscriber: thousands of map clients that ask for the same fields with the same role share one result (and,
/// through <see cref="GraphQLRunner.SerializeShared"/>, one JSON text). Subscribers differ only in their area, which
/// filters before execution, so the shared result is exactly what each would have computed.
/// </summary>
public sealed class SharedSubscriptionExecutionStrategy(IOptions<LiveOptions> options) : SubscriptionExecutionStrategy
{
    private readonly bool share = options.Value.ShareSubscriptionResults;

    // Keyed by the event object itself: a result lives as long as the event does and needs no eviction. Events a
    // role projection rewrote (masked plates) are new objects per subscriber and simply are not shared.
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Task<ExecutionResult>>> results = new();
    private readonly ConditionalWeakTable<ExecutionContext, SubscriptionShape> shapes = new();

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is null || !share) return await base.ProcessDataAsync(context, node, value);
        var shape = shapes.GetValue(context, c => SubscriptionShape.Of(c, node));
        if (shape.Key is null) return await base.ProcessDataAsync(context, node, value);

        var perEvent = results.GetValue(value, _ => new ConcurrentDictionary<string, Task<ExecutionResult>>(StringComparer.Ordinal));
        Task<ExecutionResult>? mine = null;
        var shared = perEvent.GetOrAdd(shape.Key, _ => mine = base.ProcessDataAsync(context, node, value).AsTask());
        if (shared.IsCompletedSuccessfully) return shared.Result;
        try
        {
            // Yield rather than run inline when the first subscriber finishes it: otherwise every subscriber of the
            // event would continue on that one thread, one after another.
            if (!ReferenceEquals(shared, mine)) await shared.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            return await shared;
        }
        catch (Exception) when (!ReferenceEquals(shared, mine))
        {
            // The subscriber that ran it went away mid-execution (its cancellation): this one runs its own.
            return await base.ProcessDataAsync(context, node, value);
        }
    }
}
