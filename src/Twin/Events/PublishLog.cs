using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Events;

/// <summary>Log lines of event publishing.</summary>
internal static partial class PublishLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Publishing {EventType} for {EntityKind} {EntityId} on '{StreamNamespace}' failed after the change was stored; live subscribers miss this event")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string eventType, string entityKind, string entityId, string streamNamespace);
}
