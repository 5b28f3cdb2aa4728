using CityTwin.Twin.Clinics.Forwarding;
using Stored = CityTwin.Vision.Imaging.Forwarding.ForwardingState;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>
/// A study's forwarding summed over its items (images and the AI report): the worst state wins (dead letter, then
/// retrying, then pending); forwarded once every item is.
/// </summary>
public sealed record StudyForwarding(ForwardingState State, int Attempts, string? LastError, DateTimeOffset? ForwardedAt)
{
    public static StudyForwarding From(IReadOnlyCollection<PacsForwardRow> rows)
    {
        if (rows.Count == 0) return new StudyForwarding(ForwardingState.Pending, 0, null, null);
        var worst = rows.FirstOrDefault(r => r.State == Stored.DeadLetter)
            ?? rows.FirstOrDefault(r => r.State == Stored.Retrying)
            ?? rows.FirstOrDefault(r => r.State == Stored.Pending);
        var attempts = rows.Max(r => r.Attempts);
        return worst is null
            ? new StudyForwarding(ForwardingState.Forwarded, attempts, null, rows.Max(r => r.ForwardedAt))
            : new StudyForwarding(worst.State switch
            {
                Stored.DeadLetter => ForwardingState.DeadLetter,
                Stored.Retrying => ForwardingState.Retrying,
                _ => ForwardingState.Pending,
            }, attempts, worst.LastError, null);
    }
}
