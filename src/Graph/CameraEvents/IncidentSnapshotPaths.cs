namespace CityTwin.Graph.CameraEvents;

/// <summary>The URLs of the camera-event endpoints, in one place so the schema and the routes agree.</summary>
public static class IncidentSnapshotPaths
{
    /// <summary>Where cameras POST their events.</summary>
    public const string Events = "/camera-events";

    /// <summary>The route of a stored snapshot.</summary>
    public const string SnapshotRoute = "/incidents/snapshots/{file}";

    public static string UrlFor(string snapshotId) => $"/incidents/snapshots/{snapshotId}.jpg";
}
