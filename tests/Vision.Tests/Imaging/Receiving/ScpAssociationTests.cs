using System.Globalization;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>Association negotiation and C-ECHO against the real dcmtk <c>echoscu</c>.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class ScpAssociationTests(ReceivingFixture fixture)
{
    private string Port => fixture.Port.ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Echo_KnownCallingAeTitle_Succeeds()
    {
        if (!Dcmtk.Installed) throw new SkipException(Dcmtk.Missing);
        var result = await Dcmtk.RunAsync("echoscu", "-v", "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", Port);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Received Echo Response (Success)", result.Output);
    }

    [SkippableFact]
    public async Task Associate_WrongCalledAeTitle_IsRejected()
    {
        if (!Dcmtk.Installed) throw new SkipException(Dcmtk.Missing);
        var result = await Dcmtk.RunAsync("echoscu", "-aet", "ECHOSCU", "-aec", "NOT-CITYTWIN", "127.0.0.1", Port);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", result.Output);
    }

    [SkippableFact]
    public async Task Associate_UnknownCallingAeTitle_IsRejected()
    {
        if (!Dcmtk.Installed) throw new SkipException(Dcmtk.Missing);
        var result = await Dcmtk.RunAsync("echoscu", "-aet", "STRANGER", "-aec", "CITYTWIN", "127.0.0.1", Port);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Calling AE Title Not Recognized", result.Output);
    }

    [SkippableFact]
    public async Task Associate_RequestNeverSent_ConnectionIsClosedAndScpServesTheNext()
    {
        if (!Dcmtk.Installed) throw new SkipException(Dcmtk.Missing);
        using var silent = new System.Net.Sockets.TcpClient();
        await silent.ConnectAsync("127.0.0.1", fixture.Port);
        var stream = silent.GetStream();
        var buffer = new byte[16];
        // ARTIM is 2 s in the fixture: the SCP gives up on the silent peer and closes (an A-ABORT may come first).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        do read = await stream.ReadAsync(buffer, timeout.Token); while (read > 0);
        var echo = await Dcmtk.RunAsync("echoscu", "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", Port);
        Assert.True(echo.ExitCode == 0, echo.Output);
    }
}
