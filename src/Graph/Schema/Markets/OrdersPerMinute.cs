namespace CityTwin.Graph.Schema.Markets;

/// <summary>One minute of a market's or a session's counted orders.</summary>
public sealed record OrdersPerMinute(DateTimeOffset Minute, long Orders, long RevenueVnd);
