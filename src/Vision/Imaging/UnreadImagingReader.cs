using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging;

/// <summary>
/// The reader a host uses when it has no model (no <c>CityTwin:Imaging:Model:ModelPath</c> and the demo model off):
/// instances stay stored with outcome <c>Stored</c>, and the log says for each that its study stays unread and why.
/// </summary>
public sealed partial class UnreadImagingReader(ILogger<UnreadImagingReader> logger) : IImagingReader
{
    public ValueTask EnqueueAsync(ReceivedInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        LogUnread(logger, instance.StudyInstanceUid, instance.SopInstanceUid, instance.ClinicId);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study {StudyInstanceUid} (instance {SopInstanceUid}) of clinic {ClinicId} is stored and stays unread: "
        + "no AI model is configured (CityTwin:Imaging:Model:ModelPath) and the demo model is off (CityTwin:Imaging:DemoModel:Enabled)")]
    private static partial void LogUnread(ILogger logger, string studyInstanceUid, string sopInstanceUid, string clinicId);
}
