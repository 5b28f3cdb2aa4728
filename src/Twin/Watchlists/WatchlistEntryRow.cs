namespace CityTwin.Twin.Watchlists;

/// <summary>
/// The <c>watchlist_entries</c> table. Removed entries stay, with who removed them and when, so the history of
/// what was watched survives; at most one active row per plate.
/// </summary>
public sealed class WatchlistEntryRow
{
    public long Id { get; set; }
    public required string PlateKey { get; set; }
    public required string ProvinceCode { get; set; }
    public string DisplayPlate { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    public string ReportedBy { get; set; } = "";
    public string? WardCode { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
    public string? RemovalReason { get; set; }
}
