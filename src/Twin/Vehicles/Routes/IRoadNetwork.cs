namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>The road graph (null when no roads are loaded) and the cameras, as route planning reads them.</summary>
public interface IRoadNetwork
{
    /// <summary>The current roads and cameras; cached, so calling it per vehicle lookup is cheap.</summary>
    Task<(RoadGraph? Roads, IReadOnlyList<RouteCamera> Cameras)> GetAsync(CancellationToken cancellationToken = default);
}
