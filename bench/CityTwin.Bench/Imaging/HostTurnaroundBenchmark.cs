using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CityTwin.Bench.Sightings;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Twin.Persistence;
using CityTwin.Vision.Imaging.Model.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// Turnaround through the host as the product starts it (<c>AddCityTwinHost</c>: SCP, the reader the host chooses —
/// the demo ResNet18 model with its 95-label head —, the clinic grain, PostGIS, the GraphQL WebSocket): dcmtk
/// <c>storescu</c> sends the NIH chest X-ray as a new study each time, and the time from the last byte received (the
/// reading's <c>receivedAt</c>) to the result's arrival on the clinic key's <c>imagingResults</c> subscription is taken.
/// </summary>
public static class HostTurnaroundBenchmark
{
    private const string ClinicId = "clinic-tram-y-te-thanh-an";
    private const string ClinicKey = "bench-imaging-host-clinic-key";

    public static async Task<int> RunAsync(ImagingSettings settings)
    {
        if (ImagingBenchInputs.Resolve(settings.Dicom, settings.Database) is not var (dicom, admin)) return 2;
        var folder = Directory.CreateTempSubdirectory("citytwin-bench-imaging-host-").FullName;
        try
        {
            await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
            var (scpPort, baseUrl) = (FreePort(), new Uri($"http://127.0.0.1:{FreePort()}"));
            var app = await StartHostAsync(settings, database.ConnectionString, folder, scpPort, baseUrl);
            try
            {
                return await MeasureAsync(settings, dicom, folder, scpPort, baseUrl, database);
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

    private static async Task<WebApplication> StartHostAsync(ImagingSettings settings, string connectionString, string folder, int scpPort, Uri baseUrl)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // /healthz answers 503 until the demo city is loaded; the poll below waits for that, quietly.
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
            ["CityTwin:KeysFile"] = Path.Combine(folder, "no-keys-file.json"),
            [$"CityTwin:ApiKeys:{ClinicKey}"] = $"clinic:{ClinicId}",
            ["CityTwin:Imaging:StorageRoot"] = Path.Combine(folder, "imaging"),
            ["CityTwin:Imaging:Scp:Port"] = scpPort.ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Decoder:Workers"] = settings.Workers.ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:DemoModel:IntraOpThreads"] = settings.IntraOpThreads.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddCityTwinHost(new HostSettings(baseUrl.ToString().TrimEnd('/'), connectionString, LoadDemoCity: true, FreePort(), FreePort()));
        var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = baseUrl };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); !(await http.GetAsync("/healthz")).IsSuccessStatusCode; await Task.Delay(200))
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy in 2 minutes");
        return app;
    }

    private static async Task<int> MeasureAsync(ImagingSettings settings, string dicom, string folder, int scpPort, Uri baseUrl, BenchDatabase database)
    {
        var original = await File.ReadAllBytesAsync(dicom);
        var (studyUid, sopUid) = await UidsAsync(dicom);
        var arrived = new ConcurrentDictionary<string, TaskCompletionSource<ArrivedResult>>();
        await using var subscription = await ImagingResultSubscription.ConnectAsync(baseUrl, ClinicKey, r =>
            arrived.GetOrAdd(r.StudyInstanceUid, _ => new TaskCompletionSource<ArrivedResult>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(r));
        var sent = 0;
        var clinical = 0;

        async Task<double> SendAsync()
        {
            var sequence = Interlocked.Increment(ref sent);
            var file = Path.Combine(folder, $"study-{sequence}.dcm");
            var copy = DicomUidRewriter.AsNewStudy(original, studyUid, sopUid, sequence);
            await File.WriteAllBytesAsync(file, copy);
            var newStudy = (await UidsAsync(file)).Study;
            var result = arrived.GetOrAdd(newStudy, _ => new TaskCompletionSource<ArrivedResult>(TaskCreationOptions.RunContinuationsAsynchronously));
            await StoreScuAsync(scpPort, file);
            var r = await result.Task.WaitAsync(TimeSpan.FromSeconds(120));
            File.Delete(file);
            if (r.Clinical || r.ModelName != DemoModel.Name) Interlocked.Increment(ref clinical);
            return (r.ArrivedAt - r.ReceivedAt).TotalMilliseconds;
        }

        var warm = await SendAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first study: {warm:F0} ms (model loaded and warmed at start-up)"));
        var sequential = new List<double>();
        for (var i = 0; i < settings.Sequential; i++) sequential.Add(await SendAsync());
        sequential.Sort();

        var clock = Stopwatch.StartNew();
        var perSender = settings.Concurrent / settings.Senders;
        var concurrent = (await Task.WhenAll(Enumerable.Range(0, settings.Senders).Select(async _ =>
        {
            var mine = new List<double>();
            for (var i = 0; i < perSender; i++) mine.Add(await SendAsync());
            return mine;
        }))).SelectMany(x => x).Order().ToList();
        var elapsed = clock.Elapsed;

        var rows = await database.CountAsync($"SELECT count(*) FROM clinic_studies WHERE clinic_id = '{ClinicId}' AND NOT clinical");
        var counted = await database.CountAsync($"SELECT ai_results FROM clinics WHERE id = '{ClinicId}'");
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant,
            $"one at a time ({sequential.Count} studies): last byte received -> imagingResults event p50 {Percentile(sequential, 50):F0} ms, p95 {Percentile(sequential, 95):F0} ms, max {sequential[^1]:F0} ms"));
        if (concurrent.Count > 0)
            Console.WriteLine(string.Create(invariant,
                $"{settings.Senders} senders at once ({concurrent.Count} studies in {elapsed.TotalSeconds:F1} s): {concurrent.Count / elapsed.TotalMinutes:F0} studies/minute, p50 {Percentile(concurrent, 50):F0} ms, p95 {Percentile(concurrent, 95):F0} ms"));
        Console.WriteLine($"model {DemoModel.Name} {DemoModel.Version}, decoder workers {settings.Workers}, processors {Environment.ProcessorCount}, "
            + $"non-clinical clinic_studies rows {rows}, clinic aiResults {counted}, results not marked demo/non-clinical {clinical}");
        var expected = 1 + sequential.Count + concurrent.Count;
        return rows == expected && counted == expected && clinical == 0 ? 0 : 1;
    }

    private static async Task StoreScuAsync(int port, string file)
    {
        var start = new ProcessStartInfo("storescu") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("storescu did not start (Debian package dcmtk)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"storescu exited {process.ExitCode}: {await output}{await error}");
    }

    /// <summary>The file's study and SOP instance UIDs as dcmtk's <c>dcmdump</c> reads them.</summary>
    internal static async Task<(string Study, string Sop)> UidsAsync(string file)
    {
        var start = new ProcessStartInfo("dcmdump") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "+P", "StudyInstanceUID", "+P", "SOPInstanceUID", file }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dcmdump did not start (Debian package dcmtk)");
        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await process.WaitForExitAsync();
        static string Value(string line) => line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.IndexOf(']', StringComparison.Ordinal)];
        return (Value(lines.First(l => l.StartsWith("(0020,000d)", StringComparison.Ordinal))), Value(lines.First(l => l.StartsWith("(0008,0018)", StringComparison.Ordinal))));
    }

    private static double Percentile(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
