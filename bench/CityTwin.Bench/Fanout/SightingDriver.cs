using System.Diagnostics;
using System.Globalization;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using CityTwin.Twin.Spatial;

namespace CityTwin.Bench.Fanout;

/// <summary>
/// Records sightings at a steady rate through <see cref="IVehicleGrain.RecordSightingsAsync"/> — the product's own
/// write path: validation, the group-committed sighting log, then the stream that feeds every silo's fan-out.
/// </summary>
public sealed class SightingDriver(IGrainFactory grains, IReadOnlyList<DemoCamera> cameras, int[] expectedPerCamera, FanoutLedger ledger, int seed)
{
    private readonly Random random = new(seed);
    private readonly PlateNumber[] plates = CreatePlates(5_000);
    private long lastMillisecond;
    private long failures;
    private long inFlight;
    private string? firstFailure;

    public long Failures => Interlocked.Read(ref failures);
    public string? FirstFailure => firstFailure;

    /// <summary>Sends <paramref name="rate"/> sightings a second for the warm-up, then the measured window.</summary>
    public async Task<long> RunAsync(double rate, TimeSpan warmup, TimeSpan measured, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0, measuredSent = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var end = warmup + measured;
        while (clock.Elapsed < end && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            var isMeasured = clock.Elapsed >= warmup;
            for (; sent < due; sent++)
            {
                Send(isMeasured);
                if (isMeasured) measuredSent++;
            }
        }
        while (Interlocked.Read(ref inFlight) > 0) await Task.Delay(10, cancellationToken);
        return measuredSent;
    }

    private void Send(bool measured)
    {
        var cameraIndex = random.Next(cameras.Count);
        var camera = cameras[cameraIndex];
        var plate = plates[random.Next(plates.Length)];
        // Unique whole milliseconds: the subscriber finds the sighting by its read time.
        var millisecond = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastMillisecond + 1);
        lastMillisecond = millisecond;
        var seenAt = DateTimeOffset.FromUnixTimeMilliseconds(millisecond);
        var sighting = new SentSighting(Stopwatch.GetTimestamp(), camera.Longitude, camera.Latitude, expectedPerCamera[cameraIndex], measured);
        ledger.Add(seenAt, sighting);
        var input = new SightingInput($"{camera.Id}:bench:{millisecond}", camera.Id, seenAt,
            new GeoPoint(camera.Longitude, camera.Latitude), 0.9f, plate.Display);
        Interlocked.Increment(ref inFlight);
        _ = RecordAsync(plate.CanonicalKey, new VehicleObservation([input], VehicleKind.Car));
    }

    private async Task RecordAsync(string plateKey, VehicleObservation observation)
    {
        try
        {
            await grains.GetGrain<IVehicleGrain>(plateKey).RecordSightingsAsync(observation);
        }
        catch (Exception e)
        {
            if (Interlocked.Increment(ref failures) == 1) firstFailure = e.Message;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>HCMC car plates 51G-100.00, 51G-100.01, …: valid by the grammar, one vehicle grain each.</summary>
    private static PlateNumber[] CreatePlates(int count) =>
        Enumerable.Range(10_000, count)
            .Select(n => n.ToString("D5", CultureInfo.InvariantCulture))
            .Select(digits => PlateNumber.Parse($"51G-{digits[..3]}.{digits[3..]}"))
            .ToArray();
}
