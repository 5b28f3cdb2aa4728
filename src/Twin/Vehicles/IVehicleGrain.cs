namespace CityTwin.Twin.Vehicles;

/// <summary>A vehicle, keyed by its canonical plate (uppercase, no separators, e.g. <c>59X112345</c>).</summary>
[Alias("CityTwin.IVehicleGrain")]
public interface IVehicleGrain : IGrainWithStringKey
{
    /// <summary>The vehicle, or null when it has never been seen.</summary>
    [Alias("Get")] Task<VehicleSnapshot?> GetAsync();

    /// <summary>
    /// Records sightings; a detection id already stored is skipped. Stored before the sighting (and, for a
    /// watched vehicle, the watchlist hit) is published.
    /// </summary>
    [Alias("RecordSightings")] Task<SightingReceipt> RecordSightingsAsync(VehicleObservation observation);

    /// <summary>
    /// The trace (along the roads where they are loaded), recent speed and heading, and the cameras the vehicle should
    /// reach next with ETAs; null when it has never been seen.
    /// </summary>
    [Alias("GetRoute")] Task<Routes.VehicleRoute?> GetRouteAsync();

    /// <summary>Set by the watchlist when an entry that matches this plate is added or removed (null: not watched).</summary>
    [Alias("SetWatch")] Task SetWatchAsync(WatchMatch? match);
}
