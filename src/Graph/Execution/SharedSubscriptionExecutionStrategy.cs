using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CityTwin.Graph.Live;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Runs each live event through a subscription's selection once per <see cref="SubscriptionShape"/> instead of once
/// per subscriber: thousands of map clients that ask for the same fields with the same role share one result (and,
/// through <see cref="SharedExecutionResult"/>, one JSON text). Subscribers differ only in their area, which filters
/// before execution, so the shared result is exactly what each would have computed.
/// </summary>
public sealed class SharedSubscriptionExecutionStrategy : SubscriptionExecutionStrategy, IDisposable
{
    // Results are kept while the subscribers of an event are still catching up; a subscriber further behind than
    // this simply executes its own, which is always correct.
    private static readonly TimeSpan KeepResultsFor = TimeSpan.FromSeconds(10);

    private readonly bool share;
    // Keyed by the event object: events a role projection rewrote (masked plates) are new objects per subscriber and
    // simply are not shared. A concurrent dictionary rather than a weak table: no global lock on add and no dependent
    // GC handles, which at thousands of deliveries a second cost more than the executions saved.
    private readonly ConcurrentDictionary<object, EventResults> results = new(ReferenceEqualityComparer.Instance);
    // One shape per subscription: the root field's execution node lives as long as the subscription.
    private readonly ConditionalWeakTable<ExecutionNode, SubscriptionShape> shapes = new();
    private readonly Timer sweeper;

    public SharedSubscriptionExecutionStrategy(IOptions<LiveOptions> options)
    {
        share = options.Value.ShareSubscriptionResults;
        sweeper = new Timer(_ => Sweep(), null, KeepResultsFor, KeepResultsFor);
    }

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is null || !share) return await base.ProcessDataAsync(context, node, value);
        var shape = shapes.GetValue(node, n => SubscriptionShape.Of(context, n));
        if (shape.Key is null) return await base.ProcessDataAsync(context, node, value);

        var perEvent = results.GetOrAdd(value, static _ => new EventResults());
        Task<ExecutionResult>? mine = null;
        var shared = perEvent.ByShape.GetOrAdd(shape.Key, _ => mine = ExecuteSharedAsync(context, node, value));
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

    public void Dispose() => sweeper.Dispose();

    private async Task<ExecutionResult> ExecuteSharedAsync(ExecutionContext context, ExecutionNode node, object value) =>
        new SharedExecutionResult(await base.ProcessDataAsync(context, node, value));

    private void Sweep()
    {
        var cutoff = Environment.TickCount64 - (long)KeepResultsFor.TotalMilliseconds;
        foreach (var (key, entry) in results)
        {
            if (entry.CreatedAt < cutoff) results.TryRemove(key, out _);
        }
    }

    private sealed class EventResults
    {
        public long CreatedAt { get; } = Environment.TickCount64;
        public ConcurrentDictionary<string, Task<ExecutionResult>> ByShape { get; } = new(StringComparer.Ordinal);
    }
}
