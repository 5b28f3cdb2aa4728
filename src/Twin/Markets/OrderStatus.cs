namespace CityTwin.Twin.Markets;

/// <summary>Where an order stands on its platform. Placed and paid orders count; cancelled and refunded ones do not.</summary>
public enum OrderStatus
{
    Placed = 0,
    Paid = 1,
    Cancelled = 2,
    Refunded = 3,
}
