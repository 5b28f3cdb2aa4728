using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using CityTwin.Vision.Imaging.Network;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// A slow-sender attack on the C-STORE SCP while a real sender stores: a real dcmtk <c>storescu</c> sends
/// <c>--images</c> studies one after the other, first with the SCP to itself, then while <c>--attackers</c> source
/// addresses (127.0.0.2 and up) each keep <c>--sockets</c> connections open for ever: half of them silent, half
/// associated and trickling one byte of a PDU every 500 ms, each reconnecting as soon as the SCP drops it.
/// </summary>
public static class SlowSenderBenchmark
{
    public const string Usage = "imaging-slow-senders [--attackers 4] [--sockets 16] [--images 10] [--file PATH] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        int attackers = 4, sockets = 16, images = 10;
        string? file = null, db = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--attackers": attackers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--sockets": sockets = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--file": file = args[i + 1]; break;
                case "--db": db = args[i + 1]; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }
        if (ImagingBenchInputs.Resolve(file, db) is not var (resolvedFile, admin)) return 2;
        file = resolvedFile;
        await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
        var storage = Directory.CreateTempSubdirectory("citytwin-bench-slow-").FullName;
        try
        {
            using var host = await ReceiveBenchmark.StartHostAsync(database.ConnectionString, storage);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IWardGrain>("27676").RegisterAsync(new WardDefinition("Thạnh An", "Huyện Cần Giờ", "787", null));
            await grains.GetGrain<IClinicGrain>("bench-thanh-an").RegisterAsync(new ClinicDefinition(
                new Place("Trạm y tế xã Thạnh An", "27676", new GeoPoint(106.97, 10.54)), ClinicKind.CommuneHealthStation, ["STORESCU"]));
            var port = await host.Services.GetRequiredService<StoreScpService>().LocalPort;
            await ReceiveBenchmark.SendAsync(port, file, 1);

            var quiet = await SendEachAsync(port, file, images);
            using var stop = new CancellationTokenSource();
            var counters = new AttackCounters();
            var attack = Enumerable.Range(0, attackers).SelectMany(a => Enumerable.Range(0, sockets).Select(s =>
                AttackAsync(port, new IPAddress([127, 0, 0, (byte)(2 + a)]), slow: s % 2 == 1, counters, stop.Token))).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3));
            var underAttack = await SendEachAsync(port, file, images);
            await stop.CancelAsync();
            await Task.WhenAll(attack);

            Console.WriteLine($"cores: {Environment.ProcessorCount}");
            Console.WriteLine($"attack: {attackers} addresses x {sockets} sockets (half silent, half trickling 1 byte/500 ms), reconnecting for ever");
            Console.WriteLine($"attack connections: {counters.Opened} opened, {counters.Associated} associated, {counters.Dropped} dropped by the SCP");
            Console.WriteLine($"real sender, quiet:        {Summary(quiet)}");
            Console.WriteLine($"real sender, under attack: {Summary(underAttack)}");
            return underAttack.All(r => r.Exit == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    private static string Summary(List<(int Exit, double Ms)> runs)
    {
        var ok = runs.Where(r => r.Exit == 0).Select(r => r.Ms).Order().ToList();
        return ok.Count == 0 ? $"0 of {runs.Count} stored"
            : $"{ok.Count} of {runs.Count} stored; per study p50 {ok[ok.Count / 2]:F0} ms, max {ok[^1]:F0} ms";
    }

    private static async Task<List<(int Exit, double Ms)>> SendEachAsync(int port, string file, int images)
    {
        var runs = new List<(int, double)>();
        for (var i = 0; i < images; i++)
        {
            var clock = Stopwatch.StartNew();
            var exit = await ReceiveBenchmark.SendAsync(port, file, 1);
            runs.Add((exit, clock.Elapsed.TotalMilliseconds));
        }
        return runs;
    }

    private sealed class AttackCounters
    {
        public int Opened;
        public int Associated;
        public int Dropped;
    }

    private static async Task AttackAsync(int port, IPAddress from, bool slow, AttackCounters counters, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = new TcpClient(new IPEndPoint(from, 0));
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, stop);
                Interlocked.Increment(ref counters.Opened);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                if (slow)
                {
                    await stream.WriteAsync(AssociateRequest(), stop);
                    if (await stream.ReadAsync(buffer, stop) > 0 && buffer[0] == 0x02)
                    {
                        Interlocked.Increment(ref counters.Associated);
                        await stream.WriteAsync(new byte[] { 0x04, 0, 0, 0, 0, 16 }, stop);
                        var closed = stream.ReadAsync(buffer, stop).AsTask();
                        while (!closed.IsCompleted)
                        {
                            await Task.WhenAny(closed, Task.Delay(500, stop));
                            if (!closed.IsCompleted) await stream.WriteAsync(new byte[] { 0 }, stop);
                        }
                    }
                }
                else
                {
                    while (await stream.ReadAsync(buffer, stop) > 0) { }
                }
                Interlocked.Increment(ref counters.Dropped);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                Interlocked.Increment(ref counters.Dropped);
                await Task.Delay(50, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>An A-ASSOCIATE-RQ from STORESCU to CITYTWIN proposing Verification in implicit VR little endian.</summary>
    private static byte[] AssociateRequest()
    {
        var body = new MemoryStream();
        body.Write([0x00, 0x01, 0x00, 0x00]);
        body.Write(Encoding.ASCII.GetBytes("CITYTWIN".PadRight(16)));
        body.Write(Encoding.ASCII.GetBytes("STORESCU".PadRight(16)));
        body.Write(new byte[32]);
        Item(body, 0x10, Encoding.ASCII.GetBytes("1.2.840.10008.3.1.1.1"));
        var context = new MemoryStream();
        context.Write([1, 0, 0, 0]);
        Item(context, 0x30, Encoding.ASCII.GetBytes("1.2.840.10008.1.1"));
        Item(context, 0x40, Encoding.ASCII.GetBytes("1.2.840.10008.1.2"));
        Item(body, 0x20, context.ToArray());
        var maxPdu = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(maxPdu, 16384);
        var user = new MemoryStream();
        Item(user, 0x51, maxPdu);
        Item(body, 0x50, user.ToArray());
        var pdu = new byte[6 + body.Length];
        pdu[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)body.Length);
        body.ToArray().CopyTo(pdu, 6);
        return pdu;
    }

    private static void Item(Stream output, byte type, byte[] value)
    {
        output.Write([type, 0, (byte)(value.Length >> 8), (byte)value.Length]);
        output.Write(value);
    }
}
