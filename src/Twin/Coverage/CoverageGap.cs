namespace CityTwin.Twin.Coverage;

/// <summary>An uncovered stretch of one road inside one ward, ranked by <see cref="Score"/>.</summary>
/// <param name="RoadId">The <c>roads</c> row.</param>
/// <param name="RoadName">Its name, where the layer gives one.</param>
/// <param name="Class">Its class.</param>
/// <param name="Gateway">Whether the road crosses the city's outline.</param>
/// <param name="WardCode">The ward the stretch lies in.</param>
/// <param name="ApproximateWard">True when that ward's zone is an approximate cell.</param>
/// <param name="LengthM">Length of the stretch.</param>
/// <param name="Sightings">Plate sightings recorded within 100 m: the traffic observed there.</param>
/// <param name="GeoJson">The stretch as a WGS84 GeoJSON geometry.</param>
public sealed record CoverageGap(
    long RoadId, string? RoadName, RoadClass Class, bool Gateway, string WardCode, bool ApproximateWard,
    double LengthM, long Sightings, string GeoJson)
{
    /// <summary>Length weighted by class (<see cref="RoadClassRules.Weight"/>) and by observed traffic (1 + ln(1 + sightings)).</summary>
    public double Score => LengthM * RoadClassRules.Weight(Class, Gateway) * (1 + Math.Log(1 + Sightings));
}
