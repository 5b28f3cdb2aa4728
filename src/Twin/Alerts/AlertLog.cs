using CityTwin.Twin.Events;

namespace CityTwin.Twin.Alerts;

/// <summary>Where the twin keeps alerts: every alert published on <see cref="TwinStreams.Alerts"/> is also kept here.</summary>
public static class AlertLog
{
    /// <summary>How many recent alerts the log keeps: a shift's worth for a monitoring centre, small enough to send in one call.</summary>
    public const int Capacity = 500;

    /// <summary>The city's alert log.</summary>
    public static IAlertLogGrain For(IGrainFactory grains) => grains.GetGrain<IAlertLogGrain>(TwinStreams.CityKey);
}
