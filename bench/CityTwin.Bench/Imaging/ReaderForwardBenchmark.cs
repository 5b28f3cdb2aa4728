using System.Diagnostics;
using System.Globalization;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;
using CityTwin.Vision.Imaging.Model.Demo;
using Npgsql;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// Last byte received → the AI report (Comprehensive SR) confirmed by Orthanc, with the real reader in the loop: the host
/// as the product starts it with its default reader (the demo ResNet18 model, 95-label head) and a PACS configured (Debian
/// Orthanc on loopback). Each of <c>--images</c> chest X-rays is sent with dcmtk storescu as a new study, one at a time;
/// the next is sent once the previous study's SR is forwarded. Times come from the stored rows: the image's
/// <c>received_at</c> (set by the SCP at the last byte) and the report's <c>forwarded_at</c> (set when Orthanc answered
/// the C-STORE with success).
/// </summary>
public static class ReaderForwardBenchmark
{
    public const string Usage = "pacs-forward-reader [--images 20] [--file PATH] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        var images = 20;
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
        if (ImagingBenchInputs.Resolve(file, db) is not var (dicom, admin)) return 2;
        var folder = Directory.CreateTempSubdirectory("citytwin-bench-forward-reader-").FullName;
        try
        {
            await using var orthanc = await BenchOrthanc.StartAsync();
            await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
            var scpPort = Loopback.FreePort();
            var app = await DicomWebBenchHost.StartAsync(database.ConnectionString, folder, scpPort, new Uri($"http://127.0.0.1:{Loopback.FreePort()}/"),
                new Dictionary<string, string?>
                {
                    ["CityTwin:Imaging:DemoModel:Enabled"] = "true",
                    ["CityTwin:Imaging:Pacs:Host"] = "127.0.0.1",
                    ["CityTwin:Imaging:Pacs:Port"] = orthanc.DicomPort.ToString(CultureInfo.InvariantCulture),
                    ["CityTwin:Imaging:Pacs:CalledAeTitle"] = "ORTHANC",
                });
            try
            {
                await using var data = NpgsqlDataSource.Create(database.ConnectionString);
                // One warm-up study, then the measured ones; each waits for its own SR to be confirmed.
                for (var i = 0; i <= images; i++)
                {
                    if (await ForwardBenchmark.SendAsync(scpPort, dicom) != 0) return 1;
                    var clock = Stopwatch.StartNew();
                    while (await database.CountAsync("SELECT count(*) FROM pacs_forwards WHERE kind = 'report' AND state = 'Forwarded'") < i + 1)
                    {
                        if (clock.Elapsed > TimeSpan.FromMinutes(2))
                        {
                            Console.Error.WriteLine($"FAILED: study {i} has no forwarded SR after 2 minutes");
                            return 1;
                        }
                        await Task.Delay(20);
                    }
                }
                var (p50, p95) = await ForwardBenchmark.PercentilesAsync(data, """
                    SELECT f.forwarded_at - i.received_at FROM pacs_forwards f
                    JOIN imaging_instances i ON i.clinic_id = f.clinic_id AND i.study_instance_uid = f.study_instance_uid
                    WHERE f.kind = 'report' AND f.state = 'Forwarded' AND i.received_at > (SELECT min(received_at) FROM imaging_instances)
                    """);
                var nonClinical = await database.CountAsync("SELECT count(*) FROM clinic_studies WHERE NOT clinical");
                Console.WriteLine($"cores: {Environment.ProcessorCount}; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
                Console.WriteLine($"reader: {DemoModel.Name} {DemoModel.Version}; {images} studies (+1 warm-up), one at a time; non-clinical readings stored: {nonClinical}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"last byte received -> SR confirmed by Orthanc: p50 {p50:F0} ms, p95 {p95:F0} ms"));
                return nonClinical == images + 1 ? 0 : 1;
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
