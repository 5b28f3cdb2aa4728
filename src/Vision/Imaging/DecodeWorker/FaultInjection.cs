using System.Runtime.InteropServices;
using System.Text;

namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>
/// Test faults, off unless the pool starts the worker with <see cref="EnvironmentVariable"/>=1: a file whose first
/// bytes are <c>CITYTWIN-FAULT:crash</c>, <c>:hang</c> or <c>:garbage</c> makes this worker abort like a GDCM assert,
/// never answer, or answer bytes that are not the protocol. It lets tests prove the pool survives each, without
/// depending on which malformed file happens to trip GDCM in a given version.
/// </summary>
internal static partial class FaultInjection
{
    public const string EnvironmentVariable = "CITYTWIN_DICOM_WORKER_FAULTS";
    private const string Prefix = "CITYTWIN-FAULT:";

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>Acts out the fault the file asks for; returns false when there is none.</summary>
    public static bool TryAct(string path, Stream output)
    {
        if (!Enabled || !File.Exists(path)) return false;
        var head = new byte[32];
        int read;
        using (var file = File.OpenRead(path)) read = file.Read(head);
        var text = Encoding.ASCII.GetString(head, 0, read);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var fault = text[Prefix.Length..].Trim();
        if (fault.StartsWith("crash", StringComparison.Ordinal)) Abort();
        if (fault.StartsWith("hang", StringComparison.Ordinal)) Thread.Sleep(Timeout.Infinite);
        if (fault.StartsWith("garbage", StringComparison.Ordinal))
        {
            output.Write("this is not the protocol\n"u8);
            output.Flush();
            return true;
        }
        return false;
    }

    [LibraryImport("libc", EntryPoint = "abort")]
    private static partial void Abort();
}
