using CityTwin.Twin.Places;

namespace CityTwin.Twin.Stores;

/// <summary>The <c>stores</c> table.</summary>
public sealed class StoreRow : PlaceRow
{
    public StoreKind Kind { get; set; }
    public string? MarketId { get; set; }
    public int LivestreamSessions { get; set; }
    public long Orders { get; set; }
    public long RevenueVnd { get; set; }
    public List<string> AppliedSessionIds { get; set; } = [];
}
