using System.Diagnostics;
using CityTwin.Bench.PlateReads;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Twin.Wards;
using CityTwin.Twin.Watchlists;
using CityTwin.Vision;
using CityTwin.Vision.Plates;
using CityTwin.Vision.Traffic;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace CityTwin.Bench.FrameToAlert;

/// <summary>
/// <c>frame-to-alert</c>: watched vehicles pass cameras one after another, rendered by <see cref="SyntheticTraffic"/>
/// and played in real time (<see cref="PacedFrameSource"/>) through <see cref="PlatePipeline"/> into the in-process
/// host's own <see cref="IPlateReadIngest"/>; an operator's WebSocket subscription times each pass from the due time
/// of the last frame that shows the plate (and of the first) to the arrival of its <c>watchlistHit</c>. The voting
/// window (<c>TrackTimeout</c>) is inside that time: a track is voted only once no frame has added to it for that long.
/// </summary>
public static class FrameToAlertBenchmark
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(200);
    private const int FramesPerPass = 5;
    // Empty-road frames before each pass fill the gap since the previous one, so frames arrive every 200 ms without a
    // pause (as from a real camera) and the tracker's clock keeps moving: the next pass starts 3 s after the last.
    private const int EmptyFramesBefore = 10;
    private static readonly TimeSpan AlertGrace = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(FrameToAlertSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine($"no database: pass --db or set {TwinDbOptions.ConnectionStringVariable} (scripts/pg start prints one)");
            return 2;
        }
        var options = new PlateVisionOptions();
        if (settings.TrackTimeoutSeconds is { } timeout) options.TrackTimeout = TimeSpan.FromSeconds(timeout);
        using var metrics = new VisionMetrics();
        PlatePipeline pipeline;
        try
        {
            pipeline = PlatePipeline.Create(options, metrics);
        }
        catch (PlateModelException e)
        {
            Console.Error.WriteLine($"frame-to-alert: {e.Message}");
            return 1;
        }

        using (pipeline)
        {
            await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
            var (app, url) = await BenchHost.StartAsync(database.ConnectionString);
            try
            {
                var grains = app.Services.GetRequiredService<IGrainFactory>();
                var cameras = await SetUpCamerasAsync(grains, settings.Cameras);
                var (traffic, passes) = Traffic(settings, cameras);
                await Task.WhenAll(passes.Select(p => grains.GetGrain<IWatchlistGrain>(p.Plate.ProvinceCode)
                    .AddAsync(new WatchlistRequest(p.Plate.Display, "bench: stolen", DateTimeOffset.UtcNow.AddHours(-1), "bench"))));
                await using var alerts = await FrameAlertListener.ConnectAsync(url, BenchHost.OperatorKey);
                var paced = new PacedFrameSource(traffic);

                Console.WriteLine($"frame-to-alert: {passes.Count} passes ({settings.WarmUp} warm-up) at {settings.Width}x{settings.Height}, "
                    + $"{1000 / FrameInterval.TotalMilliseconds:0} frames/s in real time over {settings.Cameras} cameras, one pipeline, "
                    + $"voting window {options.TrackTimeout.TotalSeconds:0.0#} s, cores {Environment.ProcessorCount}, database {database.Name}");
                var wall = Stopwatch.StartNew();
                var summary = await pipeline.RunAsync(paced, app.Services.GetRequiredService<IPlateReadIngest>());
                var deadline = Stopwatch.GetTimestamp() + (long)(AlertGrace.TotalSeconds * Stopwatch.Frequency);
                while (alerts.Arrivals.Count < passes.Count && Stopwatch.GetTimestamp() < deadline) await Task.Delay(50);
                Console.WriteLine($"played {summary.Frames} frames in {wall.Elapsed.TotalSeconds:0.0} s ({paced.LateFrames} handed out over 200 ms late), "
                    + $"{summary.Processed} searched, {summary.Tracks} tracks, {summary.ReadsSent} reads sent, ingest failures {metrics.IngestFailures}");
                return Report(settings, passes, paced, alerts);
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    private static async Task<List<string>> SetUpCamerasAsync(IGrainFactory grains, int count)
    {
        await grains.GetGrain<IWardGrain>("27091").RegisterAsync(new WardDefinition("An Phú", "Thành phố Thủ Đức", "769", new GeoPoint(106.7519, 10.8025)));
        var cameras = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"bench-f2a-cam-{i:00}";
            // Down Mai Chí Thọ, 400 m apart, as the story's cameras are.
            await grains.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraDefinition($"Bench ANPR {i}", "27091",
                new GeoPoint(106.7484 - 0.0033 * i, 10.7866 - 0.0017 * i), CameraKind.AnprFixed, 7, 250, 60, 100));
            cameras.Add(id);
        }
        return cameras;
    }

    private static (SyntheticTraffic Traffic, List<SyntheticPass> Passes) Traffic(FrameToAlertSettings settings, List<string> cameras)
    {
        var traffic = new SyntheticTraffic(new SyntheticTrafficOptions
        {
            Seed = settings.Seed,
            FrameSize = new Size(settings.Width, settings.Height),
            FramesPerPass = FramesPerPass,
            FrameInterval = FrameInterval,
            EmptyFramesBefore = EmptyFramesBefore,
        });
        var random = new Random(settings.Seed);
        var spacing = FrameInterval * (FramesPerPass + EmptyFramesBefore);
        // Frames carry wall-clock times (the ingest refuses reads from the future), starting after the set-up.
        var start = DateTimeOffset.UtcNow + spacing;
        var plates = new HashSet<string>(StringComparer.Ordinal);
        var passes = new List<SyntheticPass>();
        while (passes.Count < settings.Passes)
        {
            var plate = SyntheticPlates.Next(random, random.NextDouble() < 0.35 ? VehicleKind.Car : VehicleKind.Motorbike);
            if (!plates.Add(plate.Display)) continue;
            passes.AddRange(traffic.AddVehicle(plate, [cameras[passes.Count % cameras.Count]], start + spacing * passes.Count, TimeSpan.Zero));
        }
        return (traffic, passes);
    }

    private static int Report(FrameToAlertSettings settings, List<SyntheticPass> passes, PacedFrameSource paced, FrameAlertListener alerts)
    {
        var fromLast = new LatencyHistogram();
        var fromFirst = new LatencyHistogram();
        var missed = 0;
        var wrongCamera = 0;
        foreach (var pass in passes.Skip(settings.WarmUp))
        {
            if (!alerts.Arrivals.TryGetValue(pass.Plate.Display, out var alert))
            {
                missed++;
                continue;
            }
            if (alert.CameraId != pass.CameraId) wrongCamera++;
            fromLast.Record(alert.Arrived - paced.Due[(pass.CameraId, pass.End)]);
            fromFirst.Record(alert.Arrived - paced.Due[(pass.CameraId, pass.Start)]);
        }
        var timed = passes.Count - settings.WarmUp;
        Console.WriteLine($"timed passes {timed}: alerted {fromLast.Count}, no alert (plate misread or dropped) {missed}, alert at another camera {wrongCamera}");
        Console.WriteLine($"last frame showing the plate → alert on the WebSocket: p50 {fromLast.PercentileMilliseconds(50):0} ms, "
            + $"p90 {fromLast.PercentileMilliseconds(90):0} ms, p99 {fromLast.PercentileMilliseconds(99):0} ms, max {fromLast.MaxMilliseconds:0} ms");
        Console.WriteLine($"first frame showing the plate → alert on the WebSocket: p50 {fromFirst.PercentileMilliseconds(50):0} ms, "
            + $"p90 {fromFirst.PercentileMilliseconds(90):0} ms, p99 {fromFirst.PercentileMilliseconds(99):0} ms, max {fromFirst.MaxMilliseconds:0} ms");
        return fromLast.Count == 0 ? 1 : 0;
    }
}
