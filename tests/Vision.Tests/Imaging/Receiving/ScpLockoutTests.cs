using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>
/// Slow and silent peers against the SCP while a real dcmtk <c>storescu</c> sends: the attack must not lock the sender
/// out. Attackers connect from other loopback addresses (127.0.0.2 and up) than the sender (127.0.0.1).
/// </summary>
[Collection(ReceivingCollection.Name)]
public sealed class ScpLockoutTests(ReceivingFixture fixture)
{
    [SkippableFact]
    public async Task Store_SixteenSilentSocketsFromOnePeer_RealSenderStillStores()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        // Production defaults: 16 associations, ARTIM 10 s, 4 connections per peer.
        await using var scp = await ScpUnderTest.StartAsync(fixture, new ScpOptions { Port = 0 });
        var attackers = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 16; i++) attackers.Add(await SilentAsync(scp.Port, Peer(2)));
            var (file, uid) = TestPart10.Write();
            var sent = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText, file);
            Assert.True(sent.ExitCode == 0, sent.Output);
            Assert.True(await RowExistsAsync(uid));
        }
        finally
        {
            foreach (var attacker in attackers) attacker.Dispose();
        }
    }

    [SkippableFact]
    public async Task Store_SlowSendersAndSilentSocketsFromManyPeers_RealSenderStoresAndSlowOnesAreAborted()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        await using var scp = await ScpUnderTest.StartAsync(fixture, new ScpOptions { Port = 0, PduTimeout = TimeSpan.FromSeconds(2) });
        var silent = new List<TcpClient>();
        var slow = new List<RawScu>();
        using var stop = new CancellationTokenSource();
        try
        {
            // 12 associated senders from three addresses trickle one byte of a P-DATA-TF every 300 ms.
            for (var peer = 2; peer < 5; peer++)
                for (var i = 0; i < 4; i++)
                {
                    var scu = await RawScu.ConnectAsync(scp.Port, from: Peer(peer));
                    Assert.Equal(0x02, scu.AssociateResult);
                    slow.Add(scu);
                }
            var trickles = slow.Select(s => TrickleAsync(s, stop.Token)).ToList();
            // 32 sockets that never speak, four from each of eight more addresses.
            for (var peer = 10; peer < 18; peer++)
                for (var i = 0; i < 4; i++) silent.Add(await SilentAsync(scp.Port, Peer(peer)));

            var (file, uid) = TestPart10.Write();
            var sent = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText, file);
            Assert.True(sent.ExitCode == 0, sent.Output);
            Assert.True(await RowExistsAsync(uid));

            // Each trickling PDU must be whole within the 2 s PDU timeout: the SCP aborts every slow sender.
            var aborted = await Task.WhenAll(slow.Select(s => AbortedAsync(s, TimeSpan.FromSeconds(30))));
            Assert.All(aborted, Assert.True);
            await stop.CancelAsync();
            await Task.WhenAll(trickles);
        }
        finally
        {
            foreach (var socket in silent) socket.Dispose();
            foreach (var scu in slow) await scu.DisposeAsync();
        }
    }

    [Fact]
    public async Task Associate_SmallPdusJustInTime_AbortedBelowTheMinimumRate()
    {
        await using var scp = await ScpUnderTest.StartAsync(fixture, new ScpOptions { Port = 0, PduTimeout = TimeSpan.FromSeconds(1), MinTransferRate = 1024 });
        await using var scu = await RawScu.ConnectAsync(scp.Port);
        Assert.Equal(0x02, scu.AssociateResult);
        // A C-STORE data set in 10-byte PDVs, one PDU every 400 ms: each PDU is whole in time, the message is not.
        var uid = Testing.DicomTestDataSet.NewUid();
        var data = Testing.DicomTestDataSet.Create(uid, 4096);
        var watch = Stopwatch.StartNew();
        var aborted = false;
        try
        {
            await scu.SendStoreAsync(uid, data, sendBytes: 0);
            for (var offset = 0; offset < data.Length && watch.Elapsed < TimeSpan.FromSeconds(30); offset += 10)
            {
                await scu.SendDataFragmentAsync(data.AsMemory(offset, Math.Min(10, data.Length - offset)), last: false);
                await Task.Delay(400);
            }
        }
        catch (Exception e) when (e is IOException or SocketException) { aborted = true; }
        aborted = aborted || await AbortedAsync(scu, TimeSpan.FromSeconds(5));
        Assert.True(aborted, "the trickling association was not aborted");
        Assert.False(await RowExistsAsync(uid));
    }

    [Fact]
    public async Task Associate_PastTheLifetimeCap_Aborted()
    {
        await using var scp = await ScpUnderTest.StartAsync(fixture, new ScpOptions { Port = 0, MaxAssociationDuration = TimeSpan.FromSeconds(2) });
        await using var scu = await RawScu.ConnectAsync(scp.Port);
        Assert.Equal(0x02, scu.AssociateResult);
        var watch = Stopwatch.StartNew();
        var echoes = 0;
        try
        {
            // A busy, well-behaved association: it still ends at the cap.
            while (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                Assert.Equal(DimseStatus.Success, await scu.EchoAsync());
                echoes++;
                await Task.Delay(200);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or EndOfStreamException or IOException)
        {
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the association outlived its cap");
        Assert.True(echoes >= 3, $"only {echoes} echoes before the abort");
    }

    [SkippableFact]
    public async Task Associate_KnownAeTitleFromAnAddressItsClinicDoesNotAllow_Rejected()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        var options = new ScpOptions
        {
            Port = 0,
            AllowedAddresses = "127.0.0.9",
            Clinics = { [ReceivingFixture.ClinicId] = new ScpClinicOptions { AllowedAddresses = "127.0.0.5/32" } },
        };
        await using var scp = await ScpUnderTest.StartAsync(fixture, options);
        // dcmtk from 127.0.0.1 with the clinic's own AE title: refused like an unknown title.
        var echo = await Dcmtk.RunAsync("echoscu", "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText);
        Assert.NotEqual(0, echo.ExitCode);
        // From 127.0.0.9, allowed for other clinics only: negotiated, then refused as an unknown title.
        await using (var elsewhere = await RawScu.ConnectAsync(scp.Port, from: Peer(9)))
        {
            Assert.Equal(0x03, elsewhere.AssociateResult);
            Assert.Equal([1, 1, 3], elsewhere.AssociateResponse[1..4]);
        }
        await using var allowed = await RawScu.ConnectAsync(scp.Port, from: Peer(5));
        Assert.Equal(0x02, allowed.AssociateResult);
        Assert.Equal(DimseStatus.Success, await allowed.EchoAsync());
    }

    private static IPAddress Peer(int last) => new([127, 0, 0, (byte)last]);

    private static async Task<TcpClient> SilentAsync(int port, IPAddress from)
    {
        var client = new TcpClient(new IPEndPoint(from, 0));
        await client.ConnectAsync("127.0.0.1", port);
        return client;
    }

    private static async Task TrickleAsync(RawScu scu, CancellationToken stop)
    {
        try
        {
            await scu.SendRawAsync([0x04, 0x00, 0x00, 0x00, 0x10, 0x00]);
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(300, stop);
                await scu.SendRawAsync([0x00]);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Whether the SCP sent A-ABORT or closed the connection within <paramref name="within"/>.</summary>
    private static async Task<bool> AbortedAsync(RawScu scu, TimeSpan within)
    {
        try
        {
            var (type, _) = await scu.ReadPduAsync().WaitAsync(within);
            return type == 0x07;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException)
        {
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<bool> RowExistsAsync(string uid)
    {
        await using var context = fixture.Database.CreateContext();
        return await context.Set<ImagingInstanceRow>().AsNoTracking().AnyAsync(r => r.SopInstanceUid == uid);
    }
}

/// <summary>A second SCP on the fixture's store and database, with options of the test's choosing.</summary>
internal sealed class ScpUnderTest : IAsyncDisposable
{
    private ScpUnderTest(StoreScpService service, int port)
    {
        Service = service;
        Port = port;
    }

    public StoreScpService Service { get; }
    public int Port { get; }
    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<ScpUnderTest> StartAsync(ReceivingFixture fixture, ScpOptions options, bool tls = false)
    {
        var service = ActivatorUtilities.CreateInstance<StoreScpService>(fixture.Services, Options.Create(options));
        await service.StartAsync(CancellationToken.None);
        return new ScpUnderTest(service, tls ? await service.TlsPort : await service.LocalPort);
    }

    public async ValueTask DisposeAsync() => await Service.StopAsync(CancellationToken.None);
}
