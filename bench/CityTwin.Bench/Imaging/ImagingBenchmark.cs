using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// Turnaround of the chest X-ray reading from "received" to the <c>imagingResults</c> event, as the twin's subscribers
/// see it: one reading at a time for p50/p95, then several senders at once for studies per minute.
/// </summary>
public static class ImagingBenchmark
{
    private const string ClinicId = "bench-thanh-an";

    public static async Task<int> RunAsync(ImagingSettings settings)
    {
        if (ImagingBenchInputs.Resolve(settings.Dicom, settings.Database) is not var (dicom, admin)) return 2;
        var folder = Directory.CreateTempSubdirectory("citytwin-bench-imaging-").FullName;
        try
        {
            var model = BenchModel.Write(folder, settings.IntraOpThreads);
            await using var database = await BenchDatabase.CreateAsync(admin, keep: false);
            var host = await BenchSilo.StartAsync(database.ConnectionString, new SightingsSettings());
            try
            {
                return await MeasureAsync(settings, host.Services, model, dicom, database);
            }
            finally
            {
                await BenchSilo.StopAsync(host);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(ImagingSettings settings, IServiceProvider services,
        Vision.Imaging.Model.ModelOptions modelOptions, string dicom, BenchDatabase database)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var location = new GeoPoint(106.9650, 10.5300);
        await grains.GetGrain<IWardGrain>("99901").RegisterAsync(new WardDefinition("Bench commune", "Huyện Cần Giờ", "787", location));
        await grains.GetGrain<IClinicGrain>(ClinicId).RegisterAsync(
            new ClinicDefinition(new Place("Bench health station", "99901", location), ClinicKind.CommuneHealthStation, ["STORESCU"]));

        var arrived = new ConcurrentDictionary<string, (DateTimeOffset At, TimeSpan Turnaround)>();
        var signals = new ConcurrentDictionary<string, TaskCompletionSource>();
        var stream = services.GetRequiredService<IClusterClient>().GetStreamProvider(TwinStreams.Provider)
            .GetStream<TwinEvent>(TwinStreams.For(TwinStreams.ImagingResults));
        var handle = await stream.SubscribeAsync((e, _) =>
        {
            if (e is ImagingResultRecorded r)
            {
                arrived[r.Result.StudyInstanceUid] = (DateTimeOffset.UtcNow, r.Result.Turnaround);
                if (signals.TryRemove(r.Result.StudyInstanceUid, out var done)) done.TrySetResult();
            }
            return Task.CompletedTask;
        });

        var outcomes = new CountingOutcomes();
        using var stages = new StageTimes();
        await using var pool = new DecoderPool(Options.Create(new DecoderPoolOptions { Workers = settings.Workers }));
        using var slot = new ModelSlot(modelOptions);
        using var metrics = new ImagingMetrics();
        await using var reader = new ImagingReader(pool, slot, grains, outcomes, metrics,
            Options.Create(new ReaderOptions { Concurrency = settings.Senders, QueueCapacity = 256 }), NullLogger<ImagingReader>.Instance);
        var next = 0;

        async Task<double> SendAsync()
        {
            var uid = $"1.2.826.0.1.3680043.8.498.900.{Interlocked.Increment(ref next)}";
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            signals[uid] = done;
            var received = DateTimeOffset.UtcNow;
            await reader.EnqueueAsync(new ReceivedInstance(ClinicId, uid, uid + ".1", uid + ".1.1", "1.2.840.10008.5.1.4.1.1.1.1",
                "1.2.840.10008.1.2", "bench-patient", dicom, received));
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return (arrived[uid].At - received).TotalMilliseconds;
        }

        // Warm-up: the first reading pays for ONNX Runtime's graph optimisation and the JIT.
        var warm = await SendAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up reading: {warm:F0} ms"));

        stages.Clear();
        var sequential = new List<double>();
        for (var i = 0; i < settings.Sequential; i++) sequential.Add(await SendAsync());
        sequential.Sort();
        var sequentialStages = stages.Summary();
        stages.Clear();

        var clock = Stopwatch.StartNew();
        var perSender = settings.Concurrent / settings.Senders;
        var concurrent = (await Task.WhenAll(Enumerable.Range(0, settings.Senders).Select(async _ =>
        {
            var mine = new List<double>();
            for (var i = 0; i < perSender; i++) mine.Add(await SendAsync());
            return mine;
        }))).SelectMany(x => x).Order().ToList();
        var elapsed = clock.Elapsed;
        var concurrentStages = stages.Summary();
        await handle.UnsubscribeAsync();

        var rows = await database.CountAsync($"SELECT count(*) FROM clinic_studies WHERE clinic_id = '{ClinicId}'");
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant,
            $"one at a time ({sequential.Count} readings): turnaround to the imagingResults event p50 {Percentile(sequential, 50):F0} ms, p95 {Percentile(sequential, 95):F0} ms, max {sequential[^1]:F0} ms"));
        Console.WriteLine($"  stages: {sequentialStages}");
        Console.WriteLine(string.Create(invariant,
            $"{settings.Senders} senders at once ({concurrent.Count} readings in {elapsed.TotalSeconds:F1} s): {concurrent.Count / elapsed.TotalMinutes:F0} studies/minute, turnaround p50 {Percentile(concurrent, 50):F0} ms, p95 {Percentile(concurrent, 95):F0} ms"));
        Console.WriteLine($"  stages: {concurrentStages}");
        Console.WriteLine($"decoder workers {settings.Workers}, processors {Environment.ProcessorCount}, read {outcomes.Read}, rejected {outcomes.Rejected}, clinic_studies rows {rows}");
        return outcomes.Rejected == 0 && rows == 1 + sequential.Count + concurrent.Count ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class CountingOutcomes : IInstanceOutcomes
    {
        private int read;
        private int rejected;

        public int Read => read;
        public int Rejected => rejected;

        public Task SetOutcomeAsync(string clinicId, string sopInstanceUid, InstanceOutcome outcome, string? rejectReason, CancellationToken cancellationToken = default)
        {
            if (outcome == InstanceOutcome.Read) Interlocked.Increment(ref read);
            else
            {
                Interlocked.Increment(ref rejected);
                Console.Error.WriteLine($"rejected {sopInstanceUid}: {rejectReason}");
            }
            return Task.CompletedTask;
        }
    }
}
