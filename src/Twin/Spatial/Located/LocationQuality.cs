namespace CityTwin.Twin.Spatial.Located;

/// <summary>How well an event's place on the ground is known, best last.</summary>
public enum LocationQuality
{
    /// <summary>The camera has no pose and sent no bearing: the event is somewhere within its range.</summary>
    Unlocated = 0,
    /// <summary>The camera sent a bearing only, or a pose but no region: a sector of its view.</summary>
    Bearing = 1,
    /// <summary>A region in the image of a posed camera: a section of the view cone between a near and a far range.</summary>
    Located = 2,
    /// <summary>Several cameras' cones intersected.</summary>
    Triangulated = 3,
}
