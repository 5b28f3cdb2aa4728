namespace CityTwin.Twin.Audit;

/// <summary>
/// The <c>plate_lookups</c> table: one row per time someone read or changed what the twin knows about a plate, so
/// every look at a licence plate can be answered for (who, when, which plate, what for). Rows are only ever inserted.
/// </summary>
public sealed class PlateLookupRow
{
    public long Id { get; set; }

    /// <summary>When the lookup happened.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The API key (its id, never the secret) that asked.</summary>
    public required string KeyId { get; set; }

    /// <summary>The key's role at the time, e.g. <c>operator</c>; roles of a key can change later.</summary>
    public required string Role { get; set; }

    /// <summary>The canonical plate looked at, or null for a read of a whole list (the watchlist).</summary>
    public string? PlateKey { get; set; }

    /// <summary>What was done: the GraphQL field, e.g. <c>vehicle</c>, <c>watchlist</c>, <c>addToWatchlist</c>.</summary>
    public required string Operation { get; set; }

    /// <summary>Free text the caller gave, or the filter used for a list read.</summary>
    public string? Reason { get; set; }

    /// <summary>What was shown or asked, e.g. a subscription's area and kinds, or the plates a list read showed.</summary>
    public string? Detail { get; set; }
}
