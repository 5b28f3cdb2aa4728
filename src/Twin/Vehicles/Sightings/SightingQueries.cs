using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>Reads of the append-only <c>sightings</c> table, newest first, served by the (plate_key, seen_at) index.</summary>
public static class SightingQueries
{
    /// <summary>All stored sightings of one vehicle, newest first (detection id breaks ties so pages are stable).</summary>
    public static IQueryable<SightingRow> SightingsOf(this TwinDbContext db, string plateKey) =>
        db.Set<SightingRow>()
            .Where(sighting => sighting.PlateKey == plateKey)
            .OrderByDescending(sighting => sighting.SeenAt)
            .ThenByDescending(sighting => sighting.DetectionId);

    /// <summary>
    /// The sightings after a page's last one in that order. The comparison runs in SQL, in the database's collation,
    /// exactly as the ORDER BY does, so no row is skipped or repeated between pages.
    /// </summary>
    public static IQueryable<SightingRow> After(this IQueryable<SightingRow> sightings, DateTimeOffset seenAt, string detectionId) =>
        sightings.Where(sighting => sighting.SeenAt < seenAt
            || (sighting.SeenAt == seenAt && string.Compare(sighting.DetectionId, detectionId) < 0));
}
