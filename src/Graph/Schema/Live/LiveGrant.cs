using CityTwin.Twin.Events;

namespace CityTwin.Graph.Schema.Live;

/// <summary>What a caller's role lets one subscription receive: the kinds (null: all the field carries) and how each event is shown (null: dropped).</summary>
internal sealed record LiveGrant(IReadOnlySet<string>? Kinds, Func<TwinEvent, object?> Project)
{
    public static readonly Func<TwinEvent, object?> AsIs = e => e;
}
