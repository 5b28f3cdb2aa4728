using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging.Reading;

internal static partial class ReaderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Read {SopInstanceUid} for clinic {ClinicId}: abnormal={Abnormal}, {Findings} findings, {TurnaroundMs:0} ms")]
    public static partial void Read(ILogger logger, string sopInstanceUid, string clinicId, bool abnormal, int findings, double turnaroundMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {SopInstanceUid} for clinic {ClinicId}: {Reason}")]
    public static partial void Rejected(ILogger logger, string sopInstanceUid, string clinicId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading {SopInstanceUid} failed unexpectedly")]
    public static partial void Failed(ILogger logger, Exception exception, string sopInstanceUid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the outcome of {SopInstanceUid}")]
    public static partial void OutcomeFailed(ILogger logger, Exception exception, string sopInstanceUid);
}
