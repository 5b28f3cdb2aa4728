using CityTwin.Twin.Demo;

namespace CityTwin.Vision.Traffic;

/// <summary>Routes through the demo city's cameras for synthetic traffic.</summary>
public static class CameraRoutes
{
    /// <summary>
    /// A walk of <paramref name="count"/> cameras from <paramref name="startCameraId"/>, each step to the nearest camera
    /// not yet visited (straight-line distance): a plausible drive where the road graph is not at hand.
    /// </summary>
    /// <exception cref="ArgumentException">The start camera is not among <paramref name="cameras"/>.</exception>
    public static IReadOnlyList<string> NearestNeighbourWalk(IReadOnlyList<DemoCamera> cameras, string startCameraId, int count)
    {
        var current = cameras.FirstOrDefault(c => c.Id == startCameraId)
            ?? throw new ArgumentException($"Camera '{startCameraId}' is not in the camera list.", nameof(startCameraId));
        var route = new List<string> { current.Id };
        var left = cameras.Where(c => c.Id != current.Id).ToList();
        while (route.Count < count && left.Count > 0)
        {
            var here = current;
            current = left.MinBy(c => DistanceSquared(here, c))!;
            left.Remove(current);
            route.Add(current.Id);
        }
        return route;
    }

    private static double DistanceSquared(DemoCamera a, DemoCamera b)
    {
        // Longitude degrees are shorter than latitude ones by cos(latitude); about 0.98 at Thu Duc.
        var dx = (a.Lon - b.Lon) * Math.Cos(a.Lat * Math.PI / 180);
        var dy = a.Lat - b.Lat;
        return dx * dx + dy * dy;
    }
}
