using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Sightings;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Vehicles;

/// <summary>A vehicle as the twin knows it now: identity, watch status and its recent sightings in time order.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.VehicleSnapshot")]
public sealed record VehicleSnapshot(
    [property: Id(0)] string PlateKey,
    [property: Id(1)] string DisplayPlate,
    [property: Id(2)] VehicleKind Kind,
    [property: Id(3)] DateTimeOffset FirstSeenAt,
    [property: Id(4)] WatchMatch? Watch,
    [property: Id(5)] IReadOnlyList<SightingInput> RecentSightings)
{
    /// <summary>The latest sighting, or null.</summary>
    public SightingInput? LastSighting => RecentSightings.Count == 0 ? null : RecentSightings[^1];

    /// <summary>The trace: sighting positions joined in time order (SRID 4326); null with fewer than two sightings.</summary>
    public LineString? Trace() =>
        RecentSightings.Count < 2
            ? null
            : GeoFactory.Wgs84.CreateLineString(RecentSightings.Select(s => new Coordinate(s.Location.Longitude, s.Location.Latitude)).ToArray());
}
