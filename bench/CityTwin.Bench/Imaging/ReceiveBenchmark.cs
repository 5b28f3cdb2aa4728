using CityTwin.Bench.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Network;
using CityTwin.Vision.Imaging.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// Receive throughput of the C-STORE SCP: <c>--senders</c> dcmtk <c>storescu</c> processes at once, each sending the
/// chest X-ray <c>--images</c> times as new studies (<c>+II +IR 1 +IS 1</c>: a new instance, series and study UID per
/// image), against an in-process silo, SCP and store wired as the product wires them. Reading (the AI) is not
/// included: no reader is registered, so this measures receive, store and acknowledge only.
/// </summary>
public static class ReceiveBenchmark
{
    public const string Usage = "imaging-receive [--senders 4] [--images 25] [--file PATH] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        var senders = 4;
        var images = 25;
        string? file = null;
        string? db = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--senders": senders = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--file": file = args[i + 1]; break;
                case "--db": db = args[i + 1]; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }
        if (ImagingBenchInputs.Resolve(file, db) is not var (resolvedFile, admin)) return 2;
        file = resolvedFile;

        await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
        var storage = Directory.CreateTempSubdirectory("citytwin-bench-imaging-").FullName;
        try
        {
            using var host = await StartHostAsync(database.ConnectionString, storage);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IWardGrain>("27676").RegisterAsync(new WardDefinition("Thạnh An", "Huyện Cần Giờ", "787", null));
            await grains.GetGrain<IClinicGrain>("bench-thanh-an").RegisterAsync(new ClinicDefinition(
                new Place("Trạm y tế xã Thạnh An", "27676", new GeoPoint(106.97, 10.54)), ClinicKind.CommuneHealthStation, ["STORESCU"]));
            var port = await host.Services.GetRequiredService<StoreScpService>().LocalPort;

            // Warm-up, not measured: one image through the whole path (JIT, connection pools, grain activation).
            await SendAsync(port, file, 1);
            var before = await database.CountAsync("SELECT count(*) FROM imaging_instances");
            var clock = Stopwatch.StartNew();
            var exits = await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => SendAsync(port, file, images)));
            clock.Stop();
            var stored = await database.CountAsync("SELECT count(*) FROM imaging_instances") - before;
            var expected = (long)senders * images;
            var minutes = clock.Elapsed.TotalMinutes;
            var megabytes = new FileInfo(file).Length * (double)stored / (1024 * 1024);
            Console.WriteLine($"cores: {Environment.ProcessorCount}");
            Console.WriteLine($"senders: {senders} storescu processes, {images} images each ({new FileInfo(file).Length:N0} bytes, new study per image)");
            Console.WriteLine($"stored: {stored} of {expected} in {clock.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"throughput: {stored / minutes:F0} studies/min ({megabytes / clock.Elapsed.TotalSeconds:F1} MiB/s received and stored)");
            if (exits.Any(e => e != 0) || stored != expected)
            {
                Console.Error.WriteLine($"FAILED: storescu exits [{string.Join(", ", exits)}], {stored} rows for {expected} images");
                return 1;
            }
            await host.StopAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    internal static async Task<IHost> StartHostAsync(string connectionString, string storage)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:StorageRoot"] = storage,
            ["CityTwin:Imaging:PseudonymKey"] = "bench",
            ["CityTwin:Imaging:Scp:Port"] = "0",
            // Receiving alone is measured: no model, studies stay unread.
            ["CityTwin:Imaging:DemoModel:Enabled"] = "false",
        });
        builder.UseOrleans(silo => silo.UseTwinSiloOnLoopback(connectionString));
        builder.Services.AddCityTwinImagingReceivers(builder.Configuration);
        builder.Services.AddCityTwinImagingReader(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    internal static async Task<int> SendAsync(int port, string file, int images)
    {
        var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", "STORESCU", "-aec", "CITYTWIN", "-xi", "+IR", "1", "+IS", "1", "--repeat",
            images.ToString(CultureInfo.InvariantCulture), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start (Debian package dcmtk)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) Console.Error.WriteLine(await output + await error);
        return process.ExitCode;
    }
}
