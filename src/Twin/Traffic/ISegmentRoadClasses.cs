using CityTwin.Twin.Coverage;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Traffic;

/// <summary>The road class of the road a segment between two cameras runs along, by the one rule in <see cref="RoadClassRules"/>.</summary>
public interface ISegmentRoadClasses
{
    /// <summary>The class of the road that runs along most of the line from <paramref name="from"/> to <paramref name="to"/>; null when no road does.</summary>
    Task<RoadClass?> ClassOfAsync(GeoPoint from, GeoPoint to, CancellationToken cancellationToken = default);
}
