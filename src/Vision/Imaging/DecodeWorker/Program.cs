using CityTwin.Vision.Imaging.DecodeWorker;
using Microsoft.Win32.SafeHandles;

// The protocol owns the real stdout; native code that prints (GDCM warnings) is pointed at stderr so it can never
// corrupt a reply.
var protocolOut = new FileStream(new SafeFileHandle(StdioRedirect.MoveStdoutToStderr(), ownsHandle: true), FileAccess.Write);
Console.SetOut(Console.Error);
NativeGlue.Register();
gdcm.Trace.WarningOff();
gdcm.Trace.DebugOff();
gdcm.Trace.ErrorOff();
// Touch GDCM once so its native libraries are loaded before the host starts timing requests.
using (new gdcm.ImageReader())
{
}
DecodeProtocol.WriteReady(protocolOut);

using var input = Console.OpenStandardInput();
while (DecodeProtocol.ReadRequest(input) is { } path)
{
    if (FaultInjection.TryAct(path, protocolOut)) continue;
    DecodeReply reply;
    try
    {
        reply = GdcmDecoder.Decode(path);
    }
    catch (Exception e)
    {
        reply = DecodeReply.Fail($"GDCM failed: {e.GetType().Name}: {e.Message}");
    }
    DecodeProtocol.WriteReply(protocolOut, reply);
}
return 0;
