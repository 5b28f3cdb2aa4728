using System.Diagnostics;
using System.Globalization;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Forwarding;
using CityTwin.Vision.Imaging.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// PACS forwarding latency: <c>--images</c> chest X-rays sent one at a time (new study each) with dcmtk storescu to
/// the SCP, forwarded to a real Orthanc; each study also gets a reading recorded on the clinic grain as soon as it is
/// stored (the reader's own call), whose SR is forwarded too. Reports, from the stored times, last byte → image
/// confirmed by Orthanc and reading recorded → SR confirmed by Orthanc, p50/p95.
/// </summary>
public static class ForwardBenchmark
{
    public const string Usage = "pacs-forward [--images 30] [--file PATH] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        var images = 30;
        string? file = null;
        string? db = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--file": file = args[i + 1]; break;
                case "--db": db = args[i + 1]; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }
        if (ImagingBenchInputs.Resolve(file, db) is not var (resolvedFile, admin)) return 2;
        file = resolvedFile;
        await using var orthanc = await BenchOrthanc.StartAsync();
        await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
        var storage = Directory.CreateTempSubdirectory("citytwin-bench-forward-").FullName;
        var settings = new PacsOptions();
        try
        {
            using var host = await StartHostAsync(database.ConnectionString, storage, orthanc.DicomPort);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IWardGrain>("27676").RegisterAsync(new WardDefinition("Thạnh An", "Huyện Cần Giờ", "787", null));
            var clinic = grains.GetGrain<IClinicGrain>("bench-thanh-an");
            await clinic.RegisterAsync(new ClinicDefinition(
                new Place("Trạm y tế xã Thạnh An", "27676", new GeoPoint(106.97, 10.54)), ClinicKind.CommuneHealthStation, ["STORESCU"]));
            var port = await host.Services.GetRequiredService<StoreScpService>().LocalPort;
            await using var data = NpgsqlDataSource.Create(database.ConnectionString);
            for (var i = 0; i <= images; i++)
            {
                if (await SendAsync(port, file) != 0) return 1;
                // The reading the reader would record, made at once so the SR figure is forwarding alone.
                await using var latest = data.CreateCommand("SELECT study_instance_uid, sop_instance_uid, received_at FROM imaging_instances ORDER BY received_at DESC LIMIT 1");
                await using var reader = await latest.ExecuteReaderAsync();
                await reader.ReadAsync();
                await clinic.RecordAiResultAsync(new ImagingResult(reader.GetString(0), true, TimeSpan.Zero)
                {
                    SopInstanceUid = reader.GetString(1), ReceivedAt = reader.GetFieldValue<DateTimeOffset>(2), AnalysedAt = DateTimeOffset.UtcNow,
                    Findings = [new ImagingFinding("Effusion", 0.7f)], ModelVersion = "bench-1", PseudonymisedPatientId = "bench",
                });
                await Task.Delay(200);
            }
            var clock = Stopwatch.StartNew();
            while (await database.CountAsync("SELECT count(*) FROM pacs_forwards WHERE state <> 'Forwarded'") > 0 && clock.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(100);
            var (imageP50, imageP95) = await PercentilesAsync(data, """
                SELECT f.forwarded_at - i.received_at FROM pacs_forwards f JOIN imaging_instances i ON f.kind = 'image' AND f.source_id = i.sop_instance_uid
                WHERE f.state = 'Forwarded' AND i.received_at > (SELECT min(received_at) FROM imaging_instances)
                """);
            var (reportP50, reportP95) = await PercentilesAsync(data, """
                SELECT f.forwarded_at - s.analysed_at FROM pacs_forwards f JOIN clinic_studies s ON f.kind = 'report' AND f.source_id = s.id::text
                WHERE f.state = 'Forwarded' AND s.id > (SELECT min(id) FROM clinic_studies)
                """);
            Console.WriteLine($"cores: {Environment.ProcessorCount}");
            Console.WriteLine($"images: {images} (+1 warm-up), one storescu each, 200 ms apart; poll interval {settings.PollInterval.TotalMilliseconds} ms");
            Console.WriteLine($"not forwarded: {await database.CountAsync("SELECT count(*) FROM pacs_forwards WHERE state <> 'Forwarded'")}");
            Console.WriteLine($"last byte -> image confirmed by Orthanc: p50 {imageP50:F0} ms, p95 {imageP95:F0} ms");
            Console.WriteLine($"reading recorded -> SR confirmed by Orthanc: p50 {reportP50:F0} ms, p95 {reportP95:F0} ms");
            await host.StopAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    internal static async Task<(double P50, double P95)> PercentilesAsync(NpgsqlDataSource data, string intervals)
    {
        await using var command = data.CreateCommand($"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)
            FROM (SELECT extract(epoch FROM d) * 1000 AS ms FROM ({intervals}) AS t(d)) AS x
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? double.NaN : reader.GetDouble(0), reader.IsDBNull(1) ? double.NaN : reader.GetDouble(1));
    }

    private static async Task<IHost> StartHostAsync(string connectionString, string storage, int pacsPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:StorageRoot"] = storage,
            ["CityTwin:Imaging:PseudonymKey"] = "bench",
            ["CityTwin:Imaging:Scp:Port"] = "0",
            ["CityTwin:Imaging:Pacs:Host"] = "127.0.0.1",
            ["CityTwin:Imaging:Pacs:Port"] = pacsPort.ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Pacs:CalledAeTitle"] = "ORTHANC",
        });
        builder.UseOrleans(silo => silo.UseTwinSiloOnLoopback(connectionString));
        builder.Services.AddCityTwinImagingReceivers(builder.Configuration);
        builder.Services.AddCityTwinPacsForwarding(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    internal static async Task<int> SendAsync(int port, string file)
    {
        var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", "STORESCU", "-aec", "CITYTWIN", "-xi", "+IR", "1", "+IS", "1", "--repeat", "1",
            "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start (Debian package dcmtk)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) Console.Error.WriteLine(await output + await error);
        return process.ExitCode;
    }
}
