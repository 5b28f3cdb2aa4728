using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Fire.Watch;

/// <summary>
/// The sink used until the twin registers its own (incidents): it logs each confirmed event, so a host with only
/// the vision side still shows what it saw.
/// </summary>
public sealed class LoggingFireEventSink(ILogger<LoggingFireEventSink> logger) : IFireEventSink
{
    public ValueTask PublishAsync(ConfirmedFireEvent fireEvent, CancellationToken ct)
    {
        logger.LogInformation("Confirmed {Kind} on camera {Camera} at {Time} (confidence {Confidence:0.00}, region {Region})",
            fireEvent.Kind, fireEvent.CameraId, fireEvent.ObservedAt, fireEvent.Confidence, fireEvent.Region);
        return ValueTask.CompletedTask;
    }
}
