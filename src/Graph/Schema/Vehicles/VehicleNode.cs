using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Routes;
using CityTwin.Twin.Vehicles.Sightings;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>
/// A vehicle as the vehicle grain knows it (identity, watch status, recent sightings), or a watched plate no camera
/// has read yet (<see cref="FirstSeenAt"/> null), so an operator sees that a just-reported plate is being watched.
/// </summary>
public sealed record VehicleNode(
    string PlateKey,
    string DisplayPlate,
    VehicleKind Kind,
    DateTimeOffset? FirstSeenAt,
    WatchMatch? Watch,
    IReadOnlyList<SightingInput> RecentSightings,
    LineString? Trace)
{
    private Task<VehicleRoute?>? route;

    /// <summary>
    /// The vehicle grain's route, asked once per node however many of its fields a query selects (speed, heading, route,
    /// predictions); null for a plate no camera has read.
    /// </summary>
    public Task<VehicleRoute?> RouteAsync(IGrainFactory grains) =>
        FirstSeenAt is null
            ? Task.FromResult<VehicleRoute?>(null)
            : LazyInitializer.EnsureInitialized(ref route, () => grains.GetGrain<IVehicleGrain>(PlateKey).GetRouteAsync());

    public static VehicleNode From(VehicleSnapshot snapshot) =>
        new(snapshot.PlateKey, snapshot.DisplayPlate, snapshot.Kind, snapshot.FirstSeenAt, snapshot.Watch, snapshot.RecentSightings, snapshot.Trace());

    public static VehicleNode Unseen(PlateNumber plate, WatchMatch watch) =>
        new(plate.CanonicalKey, plate.Display, plate.Layout == PlateLayout.TwoLine ? VehicleKind.Motorbike : VehicleKind.Car, null, watch, [], null);
}
