using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Events;

/// <summary>Log lines of event publishing.</summary>
internal static partial class PublishLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Publishing {EventType} for {EntityKind} {EntityId} on '{StreamNamespace}' failed after the change was stored; live subscribers miss this event")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string eventType, string entityKind, string entityId, string streamNamespace);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Keeping {EventType} for {EntityKind} {EntityId} in the alert log failed; it goes live but a reloaded map will not list it")]
    public static partial void KeepAlertFailed(ILogger logger, Exception exception, string eventType, string entityKind, string entityId);
}
