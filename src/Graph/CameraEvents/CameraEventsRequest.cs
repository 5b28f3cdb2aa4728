namespace CityTwin.Graph.CameraEvents;

/// <summary>The webhook body: <c>{ "events": [ ... ] }</c>.</summary>
public sealed class CameraEventsRequest
{
    public List<CameraEventInput?>? Events { get; set; }
}
