namespace CityTwin.Graph.CameraEvents;

/// <summary>The camera-event webhook's settings (configuration section <c>CityTwin:CameraEvents</c>).</summary>
public sealed class CameraEventsOptions
{
    public const string Section = "CityTwin:CameraEvents";

    /// <summary>Largest webhook body in bytes; larger ones get 413 unread. Room for several snapshots at the per-snapshot limit.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
