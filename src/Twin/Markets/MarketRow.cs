using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Markets;

/// <summary>The <c>markets</c> table: a market's online event and its counters, kept in step with its orders.</summary>
public sealed class MarketRow
{
    /// <summary>The market's store id.</summary>
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public string Organiser { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>The market's place, copied from its store when the event is defined.</summary>
    public required Point Location { get; set; }
    public string WardCode { get; set; } = "";
    public int RetailerCount { get; set; }
    public int SessionCount { get; set; }
    public long OrderCount { get; set; }
    public long RevenueVnd { get; set; }
}
