namespace CityTwin.Twin.Stores;

/// <summary>A market, or a retailer (a stall selling through the market's livestreams).</summary>
public enum StoreKind
{
    Market = 0,
    Retailer = 1,
}
