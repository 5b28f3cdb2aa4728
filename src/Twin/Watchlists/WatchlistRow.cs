using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Watchlists;

/// <summary>The <c>watchlists</c> table: one row per province grain, holding the version of its entry set.</summary>
public sealed class WatchlistRow : IVersionedRow
{
    public required string ProvinceCode { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
