using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CityTwin.Bench.PlateReads;
using CityTwin.Bench.Sightings;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Reads;
using CityTwin.Twin.Wards;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Bench.Incidents;

/// <summary>
/// <c>incidents</c>: (1) camera events over <c>POST /camera-events</c> into the real host, each opening its own
/// incident, timed from the start of the HTTP call to the arrival of its <c>INCIDENT_OPENED</c> alert on an operator's
/// WebSocket; (2) jam detection delay: simulated traffic between two cameras slows from 30 to 6 km/h, plate reads go
/// into the host's ingest in time order, and the delay is the traffic time from the slowdown to the last leg sent
/// before the jam's alert arrived (plus the wall time from that leg to the alert).
/// </summary>
public static class IncidentsBenchmark
{
    /// <summary>Towers 2.7 km apart along a meridian, so no two events merge.</summary>
    public const int MaxTowers = 60;

    private static readonly string[] Kinds = ["smoke", "fire", "dumping", "jam", "accident"];
    private static readonly string[] AlertKinds = ["SMOKE", "FIRE", "ILLEGAL_DUMPING", "TRAFFIC_JAM", "ACCIDENT"];
    private const string Ward = "27466";

    public static async Task<int> RunAsync(IncidentsSettings settings)
    {
        var admin = settings.Database ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine($"no database: pass --db or set {TwinDbOptions.ConnectionStringVariable} (scripts/pg start prints one)");
            return 2;
        }
        await using var database = await BenchDatabase.CreateAsync(admin, settings.Keep);
        var (app, url) = await BenchHost.StartAsync(database.ConnectionString);
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IWardGrain>(Ward).RegisterAsync(new WardDefinition("Tân Thuận Đông", "Quận 7", "778", new GeoPoint(106.74, 10.76)));
            var towers = Math.Min(MaxTowers, (settings.Events + Kinds.Length - 1) / Kinds.Length);
            for (var i = 0; i < towers; i++)
            {
                var tower = grains.GetGrain<ICameraGrain>(TowerId(i));
                await tower.RegisterAsync(new CameraDefinition($"bench tower {i}", Ward, new GeoPoint(106.74, 10.40 + 0.025 * i), CameraKind.Ptz360, 50, 0, 360, 1000));
                await tower.SetPoseAsync(new PtzPose(90, 3, 58, 1, 1920, 1080));
            }
            // One probe tower per probe, 2.7 km apart: a second probe from the same tower would merge into the first one's
            // incident and raise no new alert, so a first probe missed by a subscription still attaching would be the last.
            for (var probe = 0; probe < MaxProbes; probe++)
                await grains.GetGrain<ICameraGrain>(ProbeTowerId(probe)).RegisterAsync(
                    new CameraDefinition($"bench probe tower {probe}", Ward, new GeoPoint(106.60, 10.40 + 0.025 * probe), CameraKind.Ptz360, 50, 0, 360, 1000));
            Console.WriteLine($"cores {Environment.ProcessorCount}, database {database.Name}, {towers} towers");
            var code = await EventsToAlertsAsync(settings, url);
            code |= await JamDelayAsync(settings, app.Services, url);
            return code;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string TowerId(int i) => $"bench-tower-{i:00}";

    /// <summary>Towers far from the others whose events show the alert subscription is live before timing starts.</summary>
    private const string ProbeTower = "bench-tower-probe";

    /// <summary>Probes sent at most, one every 5 s.</summary>
    private const int MaxProbes = 60;

    private static string ProbeTowerId(int probe) => $"{ProbeTower}-{probe:00}";

    private static async Task<int> EventsToAlertsAsync(IncidentsSettings settings, Uri url)
    {
        var sent = new ConcurrentDictionary<(string Camera, string Kind), long>();
        var latency = new LatencyHistogram();
        var arrivedEarly = new ConcurrentDictionary<(string Camera, string Kind), long>();
        var alertedIncidents = new ConcurrentDictionary<string, (string Camera, string Kind)>();
        var probed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var alerts = await IncidentAlertSubscription.ConnectAsync(url, BenchHost.OperatorKey, alert =>
        {
            if (alert.FirstCameraId.StartsWith(ProbeTower, StringComparison.Ordinal))
            {
                probed.TrySetResult();
                return;
            }
            var key = (alert.FirstCameraId, alert.Kind);
            alertedIncidents[alert.IncidentId] = key;
            if (sent.TryRemove(key, out var start)) latency.Record(alert.ArrivedTicks - start);
            else arrivedEarly[key] = alert.ArrivedTicks;
        });
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchHost.OperatorKey);
        // The server answers the subscribe message before the subscription's first execution has finished (on a cold,
        // busy host that takes seconds); alerts published before then never reach this socket, so wait until one does.
        var warming = Stopwatch.GetTimestamp();
        for (var probe = 0; !probed.Task.IsCompleted; probe++)
        {
            if (probe == MaxProbes) throw new TimeoutException("no probe alert reached the operator's subscription within 300 s");
            using var response = await http.PostAsJsonAsync("/camera-events", new
            {
                events = new[] { new { cameraId = ProbeTowerId(probe), kind = "accident", observedAt = DateTimeOffset.UtcNow, confidence = 0.9, idempotencyKey = $"bench-probe-{probe}" } },
            });
            response.EnsureSuccessStatusCode();
            await Task.WhenAny(probed.Task, Task.Delay(5_000));
        }
        Console.WriteLine($"alert subscription live {Stopwatch.GetElapsedTime(warming).TotalSeconds:F1} s after the probe event was sent");
        var interval = TimeSpan.FromSeconds(1 / settings.Rate);
        var begin = Stopwatch.GetTimestamp();
        var calls = new List<Task<HttpResponseMessage>>();
        var keys = new List<(string Camera, string Kind)>();
        var towers = (settings.Events + Kinds.Length - 1) / Kinds.Length;
        for (var i = 0; i < settings.Events; i++)
        {
            var due = begin + (long)(interval.TotalSeconds * i * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            // Tower by tower, then the next kind: no two events share a tower and a kind, so each opens an incident.
            var tower = TowerId(i % towers);
            var kind = i / towers;
            // The open loop's due time is the start: a late send counts as latency.
            sent[(tower, AlertKinds[kind])] = due;
            keys.Add((tower, AlertKinds[kind]));
            calls.Add(http.PostAsJsonAsync("/camera-events", new
            {
                events = new[]
                {
                    new
                    {
                        cameraId = tower, kind = Kinds[kind], observedAt = DateTimeOffset.UtcNow, confidence = 0.9, idempotencyKey = $"bench-{i}",
                        region = new { x = 0.48, y = 0.40, width = 0.04, height = 0.12 },
                    },
                },
            }));
        }
        var responses = await Task.WhenAll(calls);
        var failed = responses.Count(r => !r.IsSuccessStatusCode);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !sent.IsEmpty && DateTime.UtcNow < deadline; await Task.Delay(50))
            foreach (var (key, arrived) in arrivedEarly)
                if (sent.TryRemove(key, out var start) && arrivedEarly.TryRemove(key, out _)) latency.Record(arrived - start);
        Console.WriteLine($"event → incident alert over WebSocket: {settings.Events} events at {settings.Rate}/s, {latency.Count} alerts, "
            + $"p50 {latency.PercentileMilliseconds(50):F0} ms, p95 {latency.PercentileMilliseconds(95):F0} ms, "
            + $"p99 {latency.PercentileMilliseconds(99):F0} ms, max {latency.MaxMilliseconds:F0} ms; failed calls {failed}, alerts missing {sent.Count}");
        var incidents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in responses.Where(r => r.IsSuccessStatusCode))
            foreach (var id in (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("incidentIds").EnumerateArray())
                incidents.Add(id.GetString()!);
        Console.WriteLine($"events accepted {responses.Count(r => r.IsSuccessStatusCode)} of {settings.Events}, incidents {incidents.Count} (one per event expected)");
        await ExplainMissingAsync(sent.Keys.ToHashSet(), keys, responses, alertedIncidents);
        return failed > 0 || !sent.IsEmpty ? 1 : 0;
    }

    /// <summary>For each alert that never came: the webhook's answer, and whether its incident alerted under another camera.</summary>
    private static async Task ExplainMissingAsync(IReadOnlySet<(string Camera, string Kind)> missing, IReadOnlyList<(string Camera, string Kind)> keys,
        IReadOnlyList<HttpResponseMessage> responses, ConcurrentDictionary<string, (string Camera, string Kind)> alerted)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (!missing.Contains(keys[i])) continue;
            var body = await responses[i].Content.ReadAsStringAsync();
            var other = alerted.FirstOrDefault(a => body.Contains(a.Key, StringComparison.Ordinal));
            Console.WriteLine($"  missing {keys[i].Camera} {keys[i].Kind}: HTTP {(int)responses[i].StatusCode} {body[..Math.Min(body.Length, 200)]}"
                + (other.Key is null ? "; its incident sent no alert" : $"; its incident alerted as {other.Value.Camera} {other.Value.Kind}"));
        }
    }

    private static async Task<int> JamDelayAsync(IncidentsSettings settings, IServiceProvider services, Uri url)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        GeoPoint a = new(106.70, 10.78), b = MetricProjection.FromMetric(new NetTopologySuite.Geometries.Coordinate(MetricProjection.ToMetric(a).X + 400, MetricProjection.ToMetric(a).Y));
        await grains.GetGrain<ICameraGrain>("bench-road-a").RegisterAsync(new CameraDefinition("bench road A", Ward, a, CameraKind.AnprFixed, 6, 90, 60, 150));
        await grains.GetGrain<ICameraGrain>("bench-road-b").RegisterAsync(new CameraDefinition("bench road B", Ward, b, CameraKind.AnprFixed, 6, 90, 60, 150));
        long jamArrived = 0;
        await using var alerts = await IncidentAlertSubscription.ConnectAsync(url, BenchHost.OperatorKey, alert =>
        {
            if (alert.Kind == "TRAFFIC_JAM") Interlocked.CompareExchange(ref jamArrived, alert.ArrivedTicks, 0);
        });
        var ingest = services.GetRequiredService<IPlateReadIngest>();
        var gap = TimeSpan.FromMinutes(1.0 / settings.VehiclesPerMinute);
        var start = DateTimeOffset.UtcNow.AddMinutes(-50);
        var slowdown = start.AddMinutes(10);
        DateTimeOffset? lastLegBeforeAlert = null;
        long lastSentTicks = 0;
        for (var (i, arrive) = (0, start); arrive < start.AddMinutes(40) && Interlocked.Read(ref jamArrived) == 0; i++, arrive += gap)
        {
            var kmh = arrive >= slowdown ? 6.0 : 30.0;
            var plate = $"51F-{100 + i % 900:000}.{i / 900 % 100:00}";
            await ingest.IngestAsync([
                new PlateRead("bench-road-a", arrive - TimeSpan.FromHours(0.4 / kmh), plate, 0.95f, $"jam-{i}-a", null),
                new PlateRead("bench-road-b", arrive, plate, 0.95f, $"jam-{i}-b", null),
            ]);
            lastLegBeforeAlert = arrive;
            lastSentTicks = Stopwatch.GetTimestamp();
            // Leave the monitor time to act before the next vehicle, as real traffic would.
            await Task.Delay(20);
        }
        for (var deadline = DateTime.UtcNow.AddSeconds(10); Interlocked.Read(ref jamArrived) == 0 && DateTime.UtcNow < deadline; await Task.Delay(20))
        {
        }
        if (Interlocked.Read(ref jamArrived) == 0)
        {
            Console.Error.WriteLine("ERROR: no jam alert");
            return 1;
        }
        var wall = Stopwatch.GetElapsedTime(lastSentTicks, Interlocked.Read(ref jamArrived));
        Console.WriteLine($"jam detection: {settings.VehiclesPerMinute} vehicles/min on a 400 m segment slowing 30 → 6 km/h; the jam opened "
            + $"{(lastLegBeforeAlert!.Value - slowdown).TotalMinutes:F1} min of traffic time after the slowdown began "
            + $"(hold 3 min, 5-min median), alert {Math.Max(0, wall.TotalMilliseconds):F0} ms after the deciding reads were stored");
        return 0;
    }
}
