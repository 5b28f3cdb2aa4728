using CityTwin.Twin.Events;

namespace CityTwin.Twin.Alerts;

/// <summary>A kept alert as one API key sees it: the event, its place in the log, and when that key acknowledged it.</summary>
/// <param name="Sequence">Increasing number of the alert in the log: the feed's sort and paging key.</param>
/// <param name="Alert">The alert as published (a watchlist hit, an opened incident or a critical finding).</param>
/// <param name="AcknowledgedAt">When the key acknowledged it; null while unacknowledged.</param>
[GenerateSerializer, Alias("CityTwin.AlertRecord")]
public sealed record AlertRecord([property: Id(0)] long Sequence, [property: Id(1)] TwinEvent Alert, [property: Id(2)] DateTimeOffset? AcknowledgedAt);
