using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;
using Microsoft.AspNetCore.Builder;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// Receive rate of CityTwin beside Debian Orthanc's, same instances, same run: C-STORE in one association and with
/// <c>--senders</c> storescu processes at once, then STOW-RS with one POST per instance and with <c>--batch</c>
/// instances per POST. CityTwin is the host as the product starts it (<c>AddCityTwinHost</c>, no AI reader, the STOW-RS
/// rate limit off so the bench measures the path rather than the limiter); Orthanc (with <c>orthanc-dicomweb</c>) runs
/// on loopback with storage in a temp folder. Every instance is a distinct study, so no copy is skipped as known.
/// </summary>
public static class ReceiveVsOrthancBenchmark
{
    public const string Usage = "imaging-receive-orthanc [--images 40] [--senders 4] [--batch 8] [--only cstore|stow] [--file PATH] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        var (images, senders, batch) = (40, 4, 8);
        string? file = null;
        string? db = null;
        string? only = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--images": images = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--senders": senders = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--only": only = args[i + 1]; break;
                case "--file": file = args[i + 1]; break;
                case "--db": db = args[i + 1]; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }
        if (ImagingBenchInputs.Resolve(file, db) is not var (dicom, admin)) return 2;
        var folder = Directory.CreateTempSubdirectory("citytwin-bench-receive-orthanc-").FullName;
        try
        {
            await using var orthanc = await BenchOrthanc.StartAsync(dicomWeb: true);
            await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
            var (scpPort, baseUrl) = (Loopback.FreePort(), new Uri($"http://127.0.0.1:{Loopback.FreePort()}/"));
            var app = await DicomWebBenchHost.StartAsync(database.ConnectionString, folder, scpPort, baseUrl);
            try
            {
                var original = await File.ReadAllBytesAsync(dicom);
                var (studyUid, sopUid) = await HostTurnaroundBenchmark.UidsAsync(dicom);
                var sequence = 0;
                byte[][] Copies(int count) => [.. Enumerable.Range(0, count).Select(_ => DicomUidRewriter.AsNewStudy(original, studyUid, sopUid, ++sequence))];

                var cityTwin = new Target("CityTwin", "127.0.0.1", scpPort, "CITYTWIN", new Uri(baseUrl, "dicomweb/studies"), DicomWebBenchHost.ClinicKey,
                    () => database.CountAsync("SELECT count(*) FROM imaging_instances"));
                var pacs = new Target("Orthanc", "127.0.0.1", orthanc.DicomPort, "ORTHANC", new Uri(orthanc.HttpBase, "dicom-web/studies"), null,
                    () => OrthancInstancesAsync(orthanc.HttpBase));
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

                // Warm-up of both, not measured: JIT, pools, grain activation, Orthanc's index.
                foreach (var target in new[] { cityTwin, pacs })
                {
                    await target.StoreScuAsync(dicom, 1);
                    await target.StowAsync(http, Copies(2), 1);
                }
                Console.WriteLine($"cores: {Environment.ProcessorCount}; load average before: {LoadAverage()}");
                Console.WriteLine($"instance: {original.Length:N0} bytes (NIH chest X-ray), each sent as a new study; {images} instances per workload");
                Console.WriteLine("| workload | CityTwin instances/s | Orthanc instances/s | ratio |");
                Console.WriteLine("|---|---:|---:|---:|");
                var failed = false;
                async Task CompareAsync(string name, Func<Target, Task<bool>> run)
                {
                    var rates = new List<double>();
                    foreach (var target in new[] { cityTwin, pacs })
                    {
                        var before = await target.CountAsync();
                        var clock = Stopwatch.StartNew();
                        var ok = await run(target);
                        clock.Stop();
                        var stored = await target.CountAsync() - before;
                        if (!ok || stored != images)
                        {
                            Console.Error.WriteLine($"FAILED: {name} on {target.Name}: {stored} of {images} stored");
                            failed = true;
                        }
                        rates.Add(stored / clock.Elapsed.TotalSeconds);
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {rates[0]:F1} | {rates[1]:F1} | {rates[0] / rates[1]:F2}× |"));
                }
                if (only is null or "cstore")
                {
                    await CompareAsync("C-STORE, 1 association", t => t.StoreScuAsync(dicom, images));
                    await CompareAsync($"C-STORE, {senders} senders at once",
                        async t => (await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => t.StoreScuAsync(dicom, images / senders)))).All(ok => ok));
                }
                if (only is null or "stow")
                {
                    var single = Copies(images);
                    await CompareAsync("STOW-RS, 1 instance per POST", t => t.StowAsync(http, single, 1));
                    var batched = Copies(images);
                    await CompareAsync($"STOW-RS, {batch} instances per POST", t => t.StowAsync(http, batched, batch));
                }
                Console.WriteLine($"load average after: {LoadAverage()}");
                return failed ? 1 : 0;
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

    private static async Task<long> OrthancInstancesAsync(Uri orthanc)
    {
        using var http = new HttpClient();
        using var statistics = JsonDocument.Parse(await http.GetStringAsync(new Uri(orthanc, "statistics")));
        return statistics.RootElement.GetProperty("CountInstances").GetInt64();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One receiver: its SCP, its STOW-RS URL (with the key it needs, if any) and how to count what it stored.</summary>
    private sealed record Target(string Name, string Host, int Port, string CalledAe, Uri StowUrl, string? Key, Func<Task<long>> CountAsync)
    {
        public async Task<bool> StoreScuAsync(string file, int images)
        {
            var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-aet", "STORESCU", "-aec", CalledAe, "-xi", "+IR", "1", "+IS", "1", "--repeat",
                images.ToString(CultureInfo.InvariantCulture), Host, Port.ToString(CultureInfo.InvariantCulture), file })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start (Debian package dcmtk)");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) Console.Error.WriteLine(await output + await error);
            return process.ExitCode == 0;
        }

        /// <summary>POSTs <paramref name="instances"/> <paramref name="perRequest"/> at a time, one request after the other.</summary>
        public async Task<bool> StowAsync(HttpClient http, byte[][] instances, int perRequest)
        {
            var ok = true;
            foreach (var chunk in instances.Chunk(perRequest))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, StowUrl) { Content = StowBody.Of(chunk) };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dicom+json"));
                if (Key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode) continue;
                Console.Error.WriteLine($"{Name} STOW-RS answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                ok = false;
            }
            return ok;
        }
    }
}
