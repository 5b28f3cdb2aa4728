using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Bench.Common;
using CityTwin.Bench.Sightings;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// QIDO-RS and WADO-RS requests per second against the host as the product starts it: <c>--studies</c> chest X-rays
/// are stored first through STOW-RS (each a new study), then <c>--clients</c> HTTP clients at once repeat one kind of
/// request for <c>--seconds</c>, kind after kind: searches (all studies a page at a time, by study UID, by a PatientID
/// wild card, a study's instances), instance metadata, the instance itself (1 MiB Part 10) and the rendered JPEG, both
/// rendered anew each time (a quality not asked for before) and repeated (served by the rendered-image cache).
/// </summary>
public static class DicomWebQueryBenchmark
{
    public const string Usage = "dicomweb-query [--studies 100] [--clients 4] [--seconds 10] [--file PATH] [--db CONN]";

    public static async Task<int> RunAsync(string[] args)
    {
        var (studies, clients, seconds) = (100, 4, 10);
        string? file = null;
        string? db = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--studies": studies = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--file": file = args[i + 1]; break;
                case "--db": db = args[i + 1]; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }
        if (ImagingBenchInputs.Resolve(file, db) is not var (dicom, admin)) return 2;
        var folder = Directory.CreateTempSubdirectory("citytwin-bench-dicomweb-query-").FullName;
        try
        {
            await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
            var baseUrl = new Uri($"http://127.0.0.1:{Loopback.FreePort()}/");
            var app = await DicomWebBenchHost.StartAsync(database.ConnectionString, folder, Loopback.FreePort(), baseUrl);
            try
            {
                using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DicomWebBenchHost.ClinicKey);
                var stored = await StoreStudiesAsync(http, dicom, studies);
                if (stored.Count != studies)
                {
                    Console.Error.WriteLine($"FAILED: {stored.Count} of {studies} studies stored");
                    return 1;
                }
                using var first = JsonDocument.Parse(await http.GetStringAsync($"dicomweb/studies/{stored[0]}/instances"));
                var instance = first.RootElement[0];
                string Value(string tag) => instance.GetProperty(tag).GetProperty("Value")[0].GetString()!;
                var (series, sop, patient) = (Value("0020000E"), Value("00080018"), Value("00100020"));
                var instancePath = $"dicomweb/studies/{stored[0]}/series/{series}/instances/{sop}";
                var missQuality = 0;
                var kinds = new (string Name, Func<string> Path)[]
                {
                    ("QIDO studies, limit=100", () => "dicomweb/studies?limit=100"),
                    ("QIDO study by StudyInstanceUID", () => $"dicomweb/studies?StudyInstanceUID={stored[Random.Shared.Next(stored.Count)]}"),
                    ("QIDO studies by PatientID wild card, limit=20", () => $"dicomweb/studies?PatientID={Uri.EscapeDataString(patient[..4])}*&limit=20"),
                    ("QIDO a study's instances", () => $"dicomweb/studies/{stored[Random.Shared.Next(stored.Count)]}/instances"),
                    ("WADO-RS instance metadata", () => instancePath + "/metadata"),
                    ("WADO-RS instance (1 MiB Part 10)", () => instancePath),
                    // Each request a new quality (1..100): a render the cache has not seen, i.e. the figure without the cache
                    // as long as fewer than 100 are made.
                    ("WADO-RS rendered JPEG, a cache miss each", () => $"{instancePath}/rendered?quality={Interlocked.Increment(ref missQuality) % 100 + 1}"),
                    ("WADO-RS rendered JPEG, repeated (cache hits)", () => instancePath + "/rendered"),
                };
                Console.WriteLine($"cores: {Environment.ProcessorCount}; load average before: {LoadAverage()}");
                Console.WriteLine($"{studies} studies stored through STOW-RS; {clients} clients at once, {seconds} s per kind");
                Console.WriteLine("| request | requests/s | p50 ms | p95 ms | errors |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                var failed = false;
                foreach (var (name, path) in kinds)
                {
                    var (rate, p50, p95, errors) = await HammerAsync(http, path, clients, TimeSpan.FromSeconds(seconds));
                    failed |= errors > 0;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {rate:F0} | {p50:F1} | {p95:F1} | {errors} |"));
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

    /// <summary>Stores the studies eight per STOW-RS request; returns their study UIDs as the host answered them.</summary>
    private static async Task<List<string>> StoreStudiesAsync(HttpClient http, string dicom, int count)
    {
        var original = await File.ReadAllBytesAsync(dicom);
        var (studyUid, sopUid) = await HostTurnaroundBenchmark.UidsAsync(dicom);
        var uids = new List<string>();
        foreach (var chunk in Enumerable.Range(1, count).Chunk(8))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "dicomweb/studies")
            {
                Content = StowBody.Of(chunk.Select(i => DicomUidRewriter.AsNewStudy(original, studyUid, sopUid, i))),
            };
            using var response = await http.SendAsync(request);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (!answer.RootElement.TryGetProperty("00081199", out var referenced)) continue;
            foreach (var item in referenced.GetProperty("Value").EnumerateArray())
            {
                var url = item.GetProperty("00081190").GetProperty("Value")[0].GetString()!;
                uids.Add(url.Split("/studies/")[1].Split('/')[0]);
            }
        }
        return uids;
    }

    private static async Task<(double Rate, double P50, double P95, int Errors)> HammerAsync(HttpClient http, Func<string> path, int clients, TimeSpan duration)
    {
        var times = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var response = await http.GetAsync(path(), HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
            lock (times) times.AddRange(mine);
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        times.Sort();
        double At(double p) => times[Math.Clamp((int)Math.Ceiling(p / 100 * times.Count) - 1, 0, times.Count - 1)];
        return (times.Count / elapsed, At(50), At(95), errors);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
