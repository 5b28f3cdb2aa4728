namespace CityTwin.Twin.Markets;

/// <summary>A session's live totals: counted orders and revenue.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SessionTotals")]
public sealed record SessionTotals(
    [property: Id(0)] string SessionId,
    [property: Id(1)] long OrderCount,
    [property: Id(2)] long RevenueVnd);
