using CityTwin.Twin.Events;

namespace CityTwin.Twin.Alerts;

/// <summary>
/// Keeps the last <see cref="AlertLog.Capacity"/> alerts and the acknowledgements of each API key in the silo's memory.
/// It stays active for the silo's life (a deactivation would forget the feed); a silo restart starts an empty log,
/// while acknowledgements stay on record in the audit trail.
/// </summary>
public sealed class AlertLogGrain : Grain, IAlertLogGrain
{
    private readonly LinkedList<KeptAlert> alerts = new();
    private readonly Dictionary<Guid, LinkedListNode<KeptAlert>> byId = [];
    private readonly TimeProvider clock;
    private long nextSequence = 1;

    public AlertLogGrain(TimeProvider clock)
    {
        this.clock = clock;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(TimeSpan.MaxValue);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task RecordAsync(TwinEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (byId.ContainsKey(alert.EventId)) return Task.CompletedTask;
        byId[alert.EventId] = alerts.AddFirst(new KeptAlert(nextSequence++, alert));
        while (alerts.Count > AlertLog.Capacity)
        {
            byId.Remove(alerts.Last!.Value.Alert.EventId);
            alerts.RemoveLast();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertRecord>> RecentAsync(string keyId, long? beforeSequence)
    {
        IReadOnlyList<AlertRecord> page = alerts
            .Where(a => beforeSequence is null || a.Sequence < beforeSequence)
            .Select(a => a.For(keyId))
            .ToList();
        return Task.FromResult(page);
    }

    public Task<AlertRecord?> AcknowledgeAsync(Guid eventId, string keyId)
    {
        if (!byId.TryGetValue(eventId, out var node)) return Task.FromResult<AlertRecord?>(null);
        node.Value.AcknowledgedBy.TryAdd(keyId, clock.GetUtcNow());
        return Task.FromResult<AlertRecord?>(node.Value.For(keyId));
    }

    public Task<AlertRecord?> FindAsync(Guid eventId, string keyId) =>
        Task.FromResult(byId.TryGetValue(eventId, out var node) ? node.Value.For(keyId) : null);

    private sealed record KeptAlert(long Sequence, TwinEvent Alert)
    {
        public Dictionary<string, DateTimeOffset> AcknowledgedBy { get; } = new(StringComparer.Ordinal);

        public AlertRecord For(string keyId) =>
            new(Sequence, Alert, AcknowledgedBy.TryGetValue(keyId, out var at) ? at : null);
    }
}
