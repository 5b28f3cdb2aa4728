using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging;

/// <summary>
/// The reader used when none is registered (a host without the AI reader): instances stay stored with outcome
/// <c>Stored</c>, and the log says why nothing reads them.
/// </summary>
public sealed partial class UnreadImagingReader(ILogger<UnreadImagingReader> logger) : IImagingReader
{
    public ValueTask EnqueueAsync(ReceivedInstance instance, CancellationToken cancellationToken = default)
    {
        LogUnread(logger, instance.SopInstanceUid);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} is stored but no imaging reader is registered")]
    private static partial void LogUnread(ILogger logger, string sopInstanceUid);
}
