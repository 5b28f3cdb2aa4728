using System.Diagnostics.Metrics;

namespace CityTwin.Twin.CameraEvents;

/// <summary>Counters of camera events (meter <c>CityTwin.CameraEvents</c>): recorded, duplicates, refused by code.</summary>
public static class CameraEventMetrics
{
    public const string MeterName = "CityTwin.CameraEvents";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Recorded = Meter.CreateCounter<long>("citytwin.camera_events.recorded");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("citytwin.camera_events.duplicates");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("citytwin.camera_events.refused");

    public static void Accepted(int recorded, int duplicates)
    {
        Recorded.Add(recorded);
        Duplicates.Add(duplicates);
    }

    public static void Refuse(IEnumerable<CameraEventError> errors)
    {
        foreach (var error in errors) Refused.Add(1, new KeyValuePair<string, object?>("code", error.Code));
    }
}
