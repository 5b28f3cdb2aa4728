namespace CityTwin.Twin.Coverage;

/// <summary>
/// How planners group roads. A road has one of <see cref="Arterial"/>, <see cref="Local"/> or <see cref="Alley"/>;
/// <see cref="Gateway"/> is a flag on top of that (the road crosses the city's outline), so it selects roads of any class.
/// </summary>
public enum RoadClass
{
    /// <summary>Wide roads (<c>RoadWidth</c> ≥ 30 m) and named arterials (boulevards, highways, national roads).</summary>
    Arterial,
    /// <summary>Every other road.</summary>
    Local,
    /// <summary>Alleys: the layer's <c>Alley</c> type, or narrower than 8 m.</summary>
    Alley,
    /// <summary>Roads that cross the city's outline, whatever their width.</summary>
    Gateway,
}
